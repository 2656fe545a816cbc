"""What changed between two versions of a post, word by word (difflib), and how it is shown.

The diff is laid out in a QTextDocument with character formats on plain text: nothing from a
post is ever read as markup.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from monitor.paint import theme

#: Words and the white space between them, kept apart so the diff joins back into the text.
_TOKENS = re.compile(r"\s+|[^\s]+")
#: Beyond this many words a side, the diff is made line by line (difflib is quadratic at worst).
WORD_LIMIT = 20_000


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``new`` against ``old`` as runs of ("same" | "added" | "removed", text), in reading order."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    if len(a) > WORD_LIMIT or len(b) > WORD_LIMIT:
        a, b = (old or "").splitlines(keepends=True), (new or "").splitlines(keepends=True)
    runs: list[tuple[str, str]] = []

    def put(kind: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + text)
        else:
            runs.append((kind, text))

    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            put("same", "".join(a[i1:i2]))
        else:
            put("removed", "".join(a[i1:i2]))
            put("added", "".join(b[j1:j2]))
    return runs


def version_text(version: dict) -> str:
    """One version of a post as the reader sees it: headline, byline · place, then the body."""
    head = "\n".join(x for x in (version.get("title"), " · ".join(
        y for y in (version.get("byline"), version.get("location")) if y)) if x)
    body = version.get("body") or ""
    return f"{head}\n\n{body}" if head else body


def diff_document(runs: list[tuple[str, str]], document: QTextDocument) -> None:
    """Fill ``document`` with the runs: added words underlined in green, removed ones struck
    through in red, as plain text with formats."""
    document.clear()
    cursor = QTextCursor(document)
    added = QTextCharFormat()
    added.setBackground(QColor(theme.DIFF_ADDED_BACKGROUND))
    added.setFontUnderline(True)
    removed = QTextCharFormat()
    removed.setForeground(QColor(theme.DIFF_REMOVED))
    removed.setFontStrikeOut(True)
    same = QTextCharFormat()
    for kind, text in runs:
        cursor.insertText(text, {"added": added, "removed": removed}.get(kind, same))
