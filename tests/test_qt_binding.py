"""The Qt binding in use must not leak references to None (PySide6 6.12.0 on Python 3.11 does).

Each void method call there drops one reference to ``None``; a window that repaints all day
would run it down to zero and the interpreter aborts ("deallocating None"). From Python 3.12
``None`` is immortal and the fault is harmless, so the check only runs before that.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor, QFont


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive():
    colour, font = QColor("#123456"), QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        colour.setAlphaF(0.5)
        font.setBold(True)
    assert sys.getrefcount(None) - before > -50
