"""Each module-level name in the package is bound once: a second ``_PATTERN = …`` further down a
long module silently replaces the first for every function that used it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "monitor"


def _rebound(tree: ast.Module) -> list[str]:
    """Names bound twice at module level, where the later binding does not build on the earlier
    (``NAMES = NAMES | extra`` extends a name; it does not replace it)."""
    seen: set[str] = set()
    overloaded: set[str] = set()  # (``@overload`` signatures, then the function: one name)
    twice: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                getattr(d, "id", getattr(d, "attr", None)) == "overload" for d in node.decorator_list):
            overloaded.add(node.name)
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name in overloaded:
                continue
            names, value = [node.name], None
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names, value = [node.target.id], node.value
        else:
            continue
        used = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            if name in seen and name not in used:
                twice.append(f"{name} (line {node.lineno})")
            seen.add(name)
    return twice


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert _rebound(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_check_sees_a_name_bound_twice() -> None:
    tree = ast.parse("import re\n_A = re.compile('a')\n_B = 1\n_A = re.compile('b')\n_B = _B | 2\n")
    assert _rebound(tree) == ["_A (line 4)"]
