"""Render the route editor to PNGs: the seed's route loaded, and the same with an invalid row.

Run from the project root: ``QT_QPA_PLATFORM=offscreen python docs/render_route_editor.py [OUT_DIR]``.
Writes ``route_editor.png`` (the invalid row, as shown in docs/gui.md) into docs/, or, given a
folder, ``route-editor-{seed,invalid}-{W}x{H}.png`` at two sizes into it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from PySide6.QtWidgets import QApplication  # noqa: E402

from monitor.gui.route_editor import RouteEditor  # noqa: E402
from monitor.journey.editing import RouteDraft, draft_from_route  # noqa: E402
from monitor.journey.route import DEFAULT_ROUTE, load_route  # noqa: E402

SIZES = ((760, 460), (1280, 760))


def draft(invalid: bool) -> RouteDraft:
    """The seed's route; with ``invalid``, Kilju's km typed as 100 (before Kimchaek's 544.6)."""
    made = draft_from_route(load_route(DEFAULT_ROUTE))
    if invalid:
        made.rows[4].km = 100.0
    return made


def render(invalid: bool, size: tuple[int, int], out: Path) -> Path:
    """Show the editor at ``size`` and save what it draws."""
    editor = RouteEditor(None, draft(invalid), on_use=lambda _path: None)
    editor.resize(*size)
    editor.show()
    QApplication.processEvents()
    editor.grab().save(str(out))
    editor.close()
    return out


def main() -> None:
    """Render into docs/, or at two sizes into the folder given."""
    QApplication.instance() or QApplication([])
    if len(sys.argv) > 1:
        folder = Path(sys.argv[1])
        folder.mkdir(parents=True, exist_ok=True)
        for invalid in (False, True):
            for width, height in SIZES:
                name = f"route-editor-{'invalid' if invalid else 'seed'}-{width}x{height}.png"
                print(render(invalid, (width, height), folder / name))
    else:
        print(render(True, (960, 560), ROOT / "docs" / "route_editor.png"))


if __name__ == "__main__":
    main()
