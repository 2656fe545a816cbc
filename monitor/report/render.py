"""Render a briefing to PNG or PDF: the one entry point the CLI and the GUI share.

The file appears whole or not at all: the report is drawn into a temporary file beside the target
and moved into place only when drawing and saving succeeded, so a failure never leaves a blank or
half-drawn image under the report's name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QSizeF, Qt, QThread, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from monitor.paint.theme import REPORT
from monitor.report.briefing import FULL_LIMITS, PAGE_LIMITS, Briefing, ReportError, gather
from monitor.report.page import page_painters
from monitor.report.qt import ensure_app
from monitor.service import Monitor

FORMATS = (".png", ".pdf")
MIN_SIZE = (1024, 640)
MAX_SIZE = (7680, 4800)
DEFAULT_SIZE = (1600, 1000)
#: Pages are laid out this wide in logical pixels and scaled to the size asked for, so a small
#: image is the same briefing smaller, never a cramped or clipped one.
DESIGN_WIDTH = 1600
MIN_ASPECT, MAX_ASPECT = 1.25, 2.0
#: PDF pages are the PNG's page in points at 96 px per inch; widgets are rasterised this much finer.
PDF_WIDGET_SCALE = 3.0
PDF_DPI = 300


def check_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` if it is within MIN_SIZE..MAX_SIZE, else ReportError naming the limits."""
    width, height = size
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ReportError(
            f"--size {width}x{height}: out of range; width {MIN_SIZE[0]}–{MAX_SIZE[0]} and "
            f"height {MIN_SIZE[1]}–{MAX_SIZE[1]} pixels"
        )
    if not MIN_ASPECT <= width / height <= MAX_ASPECT:
        raise ReportError(f"--size {width}x{height}: a briefing page is landscape, between 5:4 and 2:1 "
                          f"(this is {width / height:.2f}:1)")
    return width, height


def check_output(path: Path) -> str:
    """The format of ``path`` (``.png``/``.pdf``) after checking it can be written."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReportError(f"{path}: unknown extension {path.suffix or '(none)'!r}; use .png or .pdf")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ReportError(f"{path}: cannot write: folder {parent} does not exist")
    if path.is_dir():
        raise ReportError(f"{path}: cannot write: it is a folder")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReportError(f"{path}: cannot write: permission denied")
    return suffix


def render_report(monitor: Monitor, out_path: str | Path, at: datetime | None = None,
                  size: tuple[int, int] = DEFAULT_SIZE, title: str | None = None) -> Path:
    """Render the briefing for ``at`` (default: now) to ``out_path`` (.png or .pdf); returns the path.

    Raises ReportError naming the input and the problem: an unwritable path, an unknown extension,
    a size out of range, a moment before the story or in the future, an empty database.
    """
    prepared = prepare_report(monitor, out_path, at, size, title)  # reads in the caller's thread
    return on_gui_thread(prepared.write)


@dataclass(frozen=True)
class PreparedReport:
    """A briefing read from the store and checked, waiting to be drawn on the GUI thread."""

    briefing: Briefing
    path: Path
    size: tuple[int, int]

    def write(self) -> Path:
        """Draw and save it (on the GUI thread); returns the path written."""
        return write_briefing(self.briefing, self.path, self.size)


def prepare_report(monitor: Monitor, out_path: str | Path, at: datetime | None = None,
                   size: tuple[int, int] = DEFAULT_SIZE, title: str | None = None) -> PreparedReport:
    """Check the arguments and read what the report shows, in the caller's thread (no Qt).

    The desktop app runs this on a worker and draws the result with ``PreparedReport.write`` on
    its own thread: the worker never waits on the GUI thread, so closing the window during an
    export neither blocks nor loses the report. Raises ReportError as ``render_report`` does.
    """
    path = Path(out_path)
    check_output(path)  # before reading anything: bad arguments fail fast
    width, height = check_size(size)
    # A PNG is page one alone, which needs far less.
    limits = PAGE_LIMITS if path.suffix.lower() == ".png" else FULL_LIMITS
    return PreparedReport(gather(monitor, at, title, limits), path, (width, height))


def write_briefing(briefing: Briefing, out_path: str | Path,
                   size: tuple[int, int] = DEFAULT_SIZE) -> Path:
    """Draw a gathered briefing to ``out_path`` (.png or .pdf); must run on the GUI thread."""
    path = Path(out_path)
    suffix = check_output(path)
    width, height = check_size(size)
    ensure_app()
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        if suffix == ".png":
            _write_png(briefing, temp, width, height)
        else:
            _write_pdf(briefing, temp, width, height)
        if temp.stat().st_size == 0:
            raise ReportError(f"{path}: nothing was written")
        os.chmod(temp, _file_mode(path))  # a temporary file is private; a report is not
        os.replace(temp, path)
    except OSError as exc:
        raise ReportError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def _file_mode(path: Path) -> int:
    """The mode the report gets: the file's it replaces, else what the umask allows."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _GuiThreadCall(QObject):
    """Runs a callable on the thread this object lives in, blocking the caller until it is done."""

    request = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.request.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    def _run(self, job: list[Any]) -> None:
        try:
            job.append(("ok", job[0]()))
        except BaseException as exc:  # handed back to the calling thread
            job.append(("error", exc))


_caller: _GuiThreadCall | None = None


def on_gui_thread(fn: Callable[[], Path]) -> Path:
    """``fn()``, run on the GUI thread: widgets may only be created and painted there.

    The desktop app renders reports from a worker thread (the store is read there); the drawing
    hops to the GUI thread, whose event loop must be running, and the result or error comes back.
    """
    global _caller
    app = QApplication.instance()
    if app is None or QThread.currentThread() == app.thread():
        return fn()  # fn sets Qt up itself (ensure_app) on this, the GUI, thread
    if _caller is None or _caller.thread() != app.thread():
        _caller = _GuiThreadCall()
        _caller.moveToThread(app.thread())
    job: list[Any] = [fn]
    _caller.request.emit(job)
    status, value = job[1]
    if status == "error":
        raise value
    return value


def render_image(briefing: Briefing, width: int, height: int) -> QImage:
    """Page one as an image of ``width`` × ``height`` pixels."""
    ensure_app()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(REPORT["paper"]))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scale = width / DESIGN_WIDTH
    painter.scale(scale, scale)
    try:
        page_painters(briefing, DESIGN_WIDTH, height / scale, scale, with_lists=False)[0](painter)
    finally:
        painter.end()
    return image


def _write_png(briefing: Briefing, temp: Path, width: int, height: int) -> None:
    image = render_image(briefing, width, height)
    image.setText("Title", briefing.title)
    image.setText("Software", "Situation Monitor")
    if not image.save(str(temp), "PNG"):  # type: ignore[call-overload]  # stub says bytes; only str works
        raise ReportError(f"{temp.name}: the image could not be saved as PNG")


def _write_pdf(briefing: Briefing, temp: Path, width: int, height: int) -> None:
    writer = QPdfWriter(str(temp))
    writer.setTitle(briefing.title)
    writer.setCreator("Situation Monitor")
    writer.setResolution(PDF_DPI)
    # The page is the PNG's canvas at 96 px per inch, so page one reads the same in both.
    page = QPageSize(QSizeF(width * 72 / 96, height * 72 / 96), QPageSize.Unit.Point, "Briefing")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"{temp.name}: the PDF could not be started")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scale = writer.width() / DESIGN_WIDTH
    try:
        pages = page_painters(briefing, DESIGN_WIDTH, height * DESIGN_WIDTH / width,
                              PDF_WIDGET_SCALE * width / DESIGN_WIDTH, with_lists=True)
        for index, paint in enumerate(pages):
            if index and not writer.newPage():
                raise ReportError(f"{temp.name}: could not start page {index + 1}")
            painter.save()
            painter.scale(scale, scale)
            paint(painter)
            painter.restore()
    finally:
        painter.end()
