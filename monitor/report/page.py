"""The report's pages, painted with QPainter in logical pixels of the page.

Page one is the briefing: a header with the title and the moment, the route progress bar, a row of
key figures, then three columns — the latest posts, the top speakers with their latest quotes, and
the distance–time chart. Further pages (PDF only) list every quote by speaker and every post in two
columns that flow from page to page.

Every section measures its text before drawing (:mod:`monitor.report.text`) and stops at its box:
what does not fit is counted ("+ 4 more posts") rather than clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from monitor.model import Post, Quote
from monitor.model.corroboration import reported_text
from monitor.model.journey_text import ETA_LEGEND, state_text
from monitor.model.timefmt import eta_columns, format_window, post_when, stop_zone, utc_text
from monitor.paint.route_bar import RouteBar
from monitor.paint.theme import REPORT
from monitor.report.briefing import Briefing, SpeakerQuotes
from monitor.report.chart import journey_chart
from monitor.report.qt import font, light_palette
from monitor.report.text import TextBlock, elide, text_width, wrap

# The page's colours (monitor/paint/theme.py: paper is light whatever the desktop's palette).
PAPER = REPORT["paper"]
INK = REPORT["ink"]
MUTED = REPORT["muted"]
FAINT = REPORT["faint"]
PANEL = REPORT["panel"]
HEADER = REPORT["header"]
HEADER_TEXT = REPORT["header_text"]
HEADER_MUTED = REPORT["header_muted"]
ACCENT = REPORT["accent"]
GAUGE = REPORT["gauge_text"]  # this page writes text in it; the mark is drawn by the route bar
MARGIN = 32.0
GUTTER = 28.0
TOP_SPEAKERS = 5
STOPS_AHEAD = 4
ROW_H = 22.0
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# -- small helpers ----------------------------------------------------------------------------------


def render_widget(painter: QPainter, widget: QWidget, rect: QRectF, scale: float) -> None:
    """Draw ``widget`` (already sized to ``rect``) into ``rect``, via an image at ``scale``.

    Going through an image keeps a widget's own font metrics out of the page's resolution: the
    same pixels land in a 96 dpi PNG and a 1200 dpi PDF, the PDF's just sharper.
    """
    image = QImage(round(rect.width() * scale), round(rect.height() * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(PAPER))
    inner = QPainter(image)
    inner.setRenderHint(QPainter.RenderHint.Antialiasing)
    inner.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        # QWidget.render, not a subclass's override (QGraphicsView.render draws the scene only).
        QWidget.render(widget, inner, QPoint())
    finally:
        inner.end()
    painter.drawImage(rect, image)


def section_heading(painter: QPainter, x: float, y: float, width: float, text: str,
                    note: str = "") -> float:
    """A small capitalised heading with a rule under it; returns the y below it."""
    head = font(13, bold=True)
    painter.setFont(head)
    painter.setPen(QColor(ACCENT))
    painter.drawText(QRectF(x, y, width, 20), LEFT,
                     text.upper())
    if note:
        small = font(12)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        left = x + text_width(text.upper(), head) + 12
        painter.drawText(QRectF(left, y, width - (left - x), 20),
                         LEFT,
                         elide(note, small, width - (left - x)))
    painter.setPen(QPen(QColor(ACCENT), 2))
    painter.drawLine(int(x), int(y + 24), int(x + width), int(y + 24))
    return y + 34


# -- page one ---------------------------------------------------------------------------------------


@dataclass
class Overview:
    """Page one for a briefing; ``paint`` draws it into a ``width`` × ``height`` page."""

    briefing: Briefing
    width: float
    height: float
    widget_scale: float = 1.0
    footer_right: str = ""

    def paint(self, painter: QPainter) -> None:
        """Draw the whole page."""
        b = self.briefing
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor(PAPER))
        y = self._header(painter)
        if b.route is not None:  # a story with no journey shows no journey element at all
            y = self._route_bar(painter, y + 14)
        y = self._figures(painter, y + 14)
        bottom = self.height - 40
        x = MARGIN
        top = y + 22
        if b.route is None:
            inner = self.width - 2 * MARGIN - GUTTER
            self._posts(painter, QRectF(x, top, inner * 0.55, bottom - top))
            self._speakers(painter, QRectF(x + inner * 0.55 + GUTTER, top, inner * 0.45, bottom - top))
        else:
            inner = self.width - 2 * MARGIN - 2 * GUTTER
            widths = (inner * 0.35, inner * 0.30, inner * 0.35)
            self._posts(painter, QRectF(x, top, widths[0], bottom - top))
            x += widths[0] + GUTTER
            self._speakers(painter, QRectF(x, top, widths[1], bottom - top))
            x += widths[1] + GUTTER
            self._chart(painter, QRectF(x, top, widths[2], bottom - top))
        footer(painter, self.width, self.height, _footer_left(b), self.footer_right)

    def _header(self, painter: QPainter) -> float:
        b = self.briefing
        height = 92.0
        painter.fillRect(QRectF(0, 0, self.width, height), QColor(HEADER))
        right_w = 360.0
        title_font = font(30, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor(HEADER_TEXT))
        title_w = self.width - 2 * MARGIN - right_w - GUTTER
        painter.drawText(QRectF(MARGIN, 14, title_w, 40), LEFT,
                         elide(b.title, title_font, title_w))
        sub = font(15)
        painter.setFont(sub)
        painter.setPen(QColor(HEADER_MUTED))
        sources = f"{b.source_count} source" + ("" if b.source_count == 1 else "s")
        line = f"{b.post_count:,} posts from {sources}"
        if b.route is not None:
            line = f"{b.route.title}  ·  {line}"
        painter.drawText(QRectF(MARGIN, 56, title_w, 24), LEFT,
                         elide(line, sub, title_w))
        # The moment, in UTC and in the origin's local time.
        right = self.width - MARGIN - right_w
        label = font(12, bold=True)
        painter.setFont(label)
        painter.drawText(QRectF(right, 12, right_w, 18), RIGHT,
                         "AS OF THE LAST POST" if b.as_of_last_post else "AS OF")
        painter.setFont(font(22, bold=True))
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(QRectF(right, 30, right_w, 30), RIGHT,
                         utc_text(b.at))
        zone = stop_zone(b.route.stops[0]) if b.route is not None and b.route.stops else None
        if b.route is not None and zone is not None:
            local = b.at.astimezone(zone)
            painter.setFont(sub)
            painter.setPen(QColor(HEADER_MUTED))
            painter.drawText(QRectF(right, 60, right_w, 22),
                             RIGHT,
                             f"{local:%d %b %H:%M} in {b.route.stops[0].name}")
        return height

    def _route_bar(self, painter: QPainter, y: float) -> float:
        b = self.briefing
        bar = RouteBar()
        bar.setPalette(light_palette())
        bar.setFont(font(14))
        bar.refresh_timer.stop()
        moment = b.at
        bar.clock = lambda: moment  # relative times ("in 2 h") count from the report's moment
        bar.set_route(b.route)
        bar.set_estimate(b.estimate)
        bar.set_observations(b.observations)
        width = self.width - 2 * MARGIN
        height = bar.sizeHint().height()
        bar.resize(round(width), height)
        render_widget(painter, bar, QRectF(MARGIN, y, round(width), height), self.widget_scale)
        bar.deleteLater()
        return y + height

    def _figures(self, painter: QPainter, y: float) -> float:
        b = self.briefing
        # Counted in SQL: the briefing may carry only the most quoted speakers.
        kinds = {k: n for k, n in b.quotes_by_kind.items() if n}
        by_kind = {k: n for k, n in b.speakers_by_kind.items() if n}
        words = {"person": ("person", "people"), "organisation": ("body", "bodies"),
                 "anonymous": ("unnamed", "unnamed")}
        speakers = (f"{b.speaker_count:,}", " · ".join(
            f"{n} {words.get(k, (k, k))[n != 1]}" for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1])
        ) or "none quoted yet")
        order = {"direct": 0, "mixed": 1, "indirect": 2}
        ranked = sorted(kinds.items(), key=lambda kv: order.get(kv[0], 9))
        split = " · ".join(f"{n:,} {k}" for k, n in ranked)
        if b.unattributed:
            split += f" · {b.unattributed:,} unattributed"
        quotes = (f"{b.quote_count:,}", split.strip(" ·") or "none yet")
        latest = post_when(b.posts[0], b.post_times) if b.posts else None
        posts = (f"{b.post_count:,}", f"latest {latest}" if latest else "none yet")
        tiles = [("Posts", *posts, INK), ("Speakers", *speakers, INK), ("Quotes", *quotes, INK)]
        est, route = b.estimate, b.route
        if est is not None and route is not None:
            length = route.length_km
            travelled = (f"~{est.km_likely:,.0f} km",
                         f"band {est.km_min:,.0f}–{est.km_max:,.0f} km · {est.progress:.0%}")
            to_go = (f"~{max(length - est.km_likely, 0):,.0f} km",
                     f"band {max(length - est.km_max, 0):,.0f}–{max(length - est.km_min, 0):,.0f} km"
                     f" to {route.stops[-1].name}")
            tiles += [("Travelled", *travelled, ACCENT), ("To go", *to_go, ACCENT),
                      ("Next stop", *self._next_stop(), GAUGE if self._next_is_gauge() else INK)]
        total = self.width - 2 * MARGIN - 12 * (len(tiles) - 1)
        # Each tile as wide as its text needs; the room left over is shared out evenly.
        needs = [max(text_width(value, font(28, bold=True)), text_width(detail, font(13))) + 30
                 for _, value, detail, _ in tiles]
        spare = total - sum(needs)
        widths = ([n + spare / len(needs) for n in needs] if spare >= 0
                  else [total * n / sum(needs) for n in needs])
        x = MARGIN
        height = 96.0
        for (label, value, detail, colour), w in zip(tiles, widths, strict=True):
            self._tile(painter, QRectF(x, y, w, height), label, value, detail, colour)
            x += w + 12
        return y + height

    def _next_is_gauge(self) -> bool:
        est, route = self.briefing.estimate, self.briefing.route
        assert est is not None and route is not None
        return any(s.name == est.next_stop and s.kind == "gauge_change" for s in route.stops)

    def _next_stop(self) -> tuple[str, str]:
        est, route = self.briefing.estimate, self.briefing.route
        assert est is not None and route is not None
        if est.state == "arrived":
            zones = {s.name: s.timezone for s in route.stops}
            return est.destination or "—", state_text(est, zones) if est.presumed else "arrived"
        if not est.next_stop:
            return "—", "no stop ahead"
        stop = next((s for s in route.stops if s.name == est.next_stop), None)
        eta = next((e for e in est.etas if e.stop == est.next_stop), None)
        if eta is None or stop is None:
            return est.next_stop, "ETA unknown"
        return est.next_stop, "ETA " + format_window(eta, stop_zone(stop))

    def _tile(self, painter: QPainter, rect: QRectF, label: str, value: str, detail: str,
              colour: str) -> None:
        painter.fillRect(rect, QColor(PANEL))
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), QColor(colour))
        inner = rect.adjusted(16, 10, -10, -8)
        small = font(12, bold=True)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 16),
                         LEFT, label.upper())
        big = font(28, bold=True)
        # A long stop name steps down a size rather than being cut.
        while text_width(value, big) > inner.width() and big.pixelSize() > 18:
            big = font(big.pixelSize() - 2, bold=True)
        painter.setFont(big)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(inner.left(), inner.top() + 18, inner.width(), 38),
                         LEFT,
                         elide(value, big, inner.width()))
        wrap(detail, font(13), inner.width(), max_lines=1).draw(
            painter, inner.left(), inner.top() + 58, MUTED)

    def _posts(self, painter: QPainter, rect: QRectF) -> None:
        b = self.briefing
        y = section_heading(painter, rect.left(), rect.top(), rect.width(), "Latest posts",
                            f"{b.post_count:,} in all")
        width = rect.width()
        shown = 0
        more_h = 22.0
        for post in b.posts:
            blocks = _post_blocks(post, b.post_times, width, body_lines=3)
            need = sum(block.height for block, _ in blocks) + 6 * (len(blocks) - 1) + 16
            if y + need > rect.bottom() - more_h:
                break
            for block, colour in blocks:
                y = block.draw(painter, rect.left(), y, colour) + 6
            painter.setPen(QPen(QColor(FAINT), 1))
            painter.drawLine(int(rect.left()), int(y + 4), int(rect.right()), int(y + 4))
            y += 14
            shown += 1
        rest = b.post_count - shown
        if rest:
            _more(painter, rect, y, f"+ {rest} earlier post{'s' if rest != 1 else ''} (full list in the PDF)")

    def _speakers(self, painter: QPainter, rect: QRectF) -> None:
        b = self.briefing
        quoted = b.quoted_speakers
        y = section_heading(painter, rect.left(), rect.top(), rect.width(), "Who said what",
                            f"{b.quote_count:,} quotes")
        width = rect.width()
        if not quoted:
            wrap("No quotes found in the posts up to this moment.", font(14, italic=True), width).draw(
                painter, rect.left(), y, MUTED)
            return
        shown = 0
        for entry in quoted[:TOP_SPEAKERS]:
            blocks = _speaker_blocks(entry, width, quotes=2, quote_lines=3)
            need = sum(block.height for block, _ in blocks) + 6 * len(blocks) + 14
            if y + need > rect.bottom() - 22:
                # Room for the name and one short quote at least?
                blocks = _speaker_blocks(entry, width, quotes=1, quote_lines=2)
                need = sum(block.height for block, _ in blocks) + 6 * len(blocks) + 14
                if y + need > rect.bottom() - 22:
                    break
            said = entry.speaker.quote_count  # up to the moment; ``entry.quotes`` may be the newest two
            count = f"{said:,} quote{'s' if said != 1 else ''}"
            badge = font(12, bold=True)
            painter.setFont(badge)
            painter.setPen(QColor(ACCENT))
            painter.drawText(QRectF(rect.left(), y, width, blocks[0][0].line_height),
                             RIGHT, count)
            for block, colour in blocks:
                y = block.draw(painter, rect.left(), y, colour) + 6
            painter.setPen(QPen(QColor(FAINT), 1))
            painter.drawLine(int(rect.left()), int(y + 2), int(rect.right()), int(y + 2))
            y += 12
            shown += 1
        rest = b.speaker_count - shown
        if rest:
            plural = "s" if rest != 1 else ""
            _more(painter, rect, y, f"+ {rest} more speaker{plural} (all quotes in the PDF)")

    def _chart(self, painter: QPainter, rect: QRectF) -> None:
        b = self.briefing
        est = b.estimate
        assert est is not None
        ahead = self._stops_ahead(rect.width())
        table_h = (34 + len(ahead) * ROW_H + 10) if ahead else 0.0
        y = section_heading(painter, rect.left(), rect.top(), rect.width(), "Distance over time",
                            f"likely km with min–max band · {len(b.observations)} observations")
        legend = font(12)
        text = (f"Line: likely position. Band: {est.km_min:,.0f}–{est.km_max:,.0f} km now. "
                f"Dotted line: as of. Speeds {est.min_speed_kmh or 0:g}–{est.max_speed_kmh or 0:g} km/h.")
        block = wrap(text, legend, rect.width(), max_lines=2)
        block.draw(painter, rect.left(), y, MUTED)
        y += block.height + 8
        box = QRectF(rect.left(), y, round(rect.width()), round(rect.bottom() - table_h - y))
        chart = journey_chart(b, round(box.width()), round(box.height()), scale=self.widget_scale)
        render_widget(painter, chart.plot, box, self.widget_scale)
        chart.close()
        if ahead:
            self._paint_stops_ahead(painter, QRectF(rect.left(), box.bottom() + 10, rect.width(),
                                                    table_h - 10), ahead)

    def _stops_ahead(self, width: float) -> list[tuple[str, str, str, str]]:
        """(name, km, likely, window) for the next few stops and the destination, in each stop's
        local time."""
        est, route = self.briefing.estimate, self.briefing.route
        assert est is not None and route is not None
        if est.state == "arrived":
            return []
        stops = {s.name: s for s in route.stops}
        rows: list[tuple[str, str, str, str]] = []
        destination = route.stops[-1].name if route.stops else None
        final = [e for e in est.etas if e.stop == destination and e.km > est.km_likely]
        for eta in [e for e in est.etas if e.stop != destination] + final:
            stop = stops.get(eta.stop)
            if stop is None or eta.likely is None or eta.earliest is None or eta.latest is None:
                continue
            # Ahead of the likely position; stops the band has not yet certainly passed stay off.
            if eta.km <= est.km_likely:
                continue
            columns = eta_columns(eta, stop_zone(stop))
            if columns is None:
                continue
            rows.append((eta.stop, f"{eta.km:,.0f} km", *columns))
        # The next few, and always the destination: where the story is going.
        if len(rows) > STOPS_AHEAD:
            last = rows[-1] if rows[-1][0] == destination else rows[STOPS_AHEAD - 1]
            rows = rows[:STOPS_AHEAD - 1] + [last]
        return rows

    def _paint_stops_ahead(self, painter: QPainter, rect: QRectF,
                           rows: list[tuple[str, str, str, str]]) -> None:
        y = section_heading(painter, rect.left(), rect.top(), rect.width(), "Stops ahead", ETA_LEGEND)
        name_f, plain, small = font(13, bold=True), font(13), font(12)
        faces = (name_f, small, plain, small)
        # Columns as wide as their widest cell, the spare room shared between them.
        needs = [max(text_width(row[i], faces[i]) for row in rows) + 12 for i in range(4)]
        spare = max(rect.width() - sum(needs), 0) / 4
        shrink = min(1.0, rect.width() / sum(needs))
        route = self.briefing.route
        gauge = {s.name for s in route.stops if s.kind == "gauge_change"} if route is not None else set()
        for name, km, likely, window in rows:
            cells = ((name, GAUGE if name in gauge else INK), (km, MUTED), (likely, INK), (window, MUTED))
            left = rect.left()
            for index, (text, colour) in enumerate(cells):
                cell = needs[index] * shrink + spare
                painter.setFont(faces[index])
                painter.setPen(QColor(colour))
                painter.drawText(QRectF(left, y, cell - 8, ROW_H), LEFT, elide(text, faces[index], cell - 8))
                left += cell
            y += ROW_H


def _footer_left(b: Briefing) -> str:
    left = f"Situation Monitor briefing · {b.database} · as of {utc_text(b.at)}"
    if b.as_of_last_post:
        left += " (the last post)"
    if b.estimate is None:
        return left + " · no journey followed"
    return left + f" · positions are estimates from {len(b.estimate.anchors)} timed report(s)"


def footer(painter: QPainter, width: float, height: float, left: str, right: str) -> None:
    """The small line at the foot of every page."""
    small = font(12)
    painter.setPen(QPen(QColor(FAINT), 1))
    painter.drawLine(int(MARGIN), int(height - 30), int(width - MARGIN), int(height - 30))
    painter.setFont(small)
    painter.setPen(QColor(MUTED))
    right_w = text_width(right, small) + 4
    painter.drawText(QRectF(MARGIN, height - 26, width - 2 * MARGIN - right_w - 20, 20),
                     LEFT,
                     elide(left, small, width - 2 * MARGIN - right_w - 20))
    painter.drawText(QRectF(width - MARGIN - right_w, height - 26, right_w, 20),
                     RIGHT, right)


def _more(painter: QPainter, rect: QRectF, y: float, text: str) -> None:
    small = font(13, italic=True)
    painter.setFont(small)
    painter.setPen(QColor(MUTED))
    painter.drawText(QRectF(rect.left(), min(y, rect.bottom() - 20), rect.width(), 20),
                     LEFT, elide(text, small, rect.width()))


def _post_blocks(post: Post, times: dict[int, datetime], width: float,
                 body_lines: int | None) -> list[tuple[TextBlock, str]]:
    also = f"also in {post.also_in} source{'s' if post.also_in != 1 else ''}" if post.also_in else ""
    meta = " · ".join(x for x in (post_when(post, times), post.byline, post.location, also) if x)
    blocks = [(wrap(meta, font(12), width, max_lines=1), MUTED)]
    if post.title:
        blocks.append((wrap(post.title, font(16, bold=True), width, max_lines=2), INK))
    if body_lines is not None:
        blocks.append((wrap(post.body, font(13), width, max_lines=body_lines, line_spacing=1.08), INK))
        return blocks
    # The full text keeps its paragraphs.
    for paragraph in (p for p in post.body.split("\n") if p.strip()):
        blocks.append((wrap(paragraph, font(13), width, line_spacing=1.08), INK))
    return blocks


def _speaker_line(entry: SpeakerQuotes) -> str:
    s = entry.speaker
    return ", ".join(x for x in (s.role, s.organisation) if x)


def _quote_text(quote: Quote) -> str:
    """An attribution as the report prints it: a direct quotation in marks (one line however many
    paragraphs it spans); reported speech as written, a mixed clause keeping the post's own marks
    around its quoted parts."""
    text = " ".join(quote.text.split())
    if quote.kind != "direct":
        return text
    return f"“{text}”"


def _speaker_blocks(entry: SpeakerQuotes, width: float, quotes: int | None,
                    quote_lines: int | None) -> list[tuple[TextBlock, str]]:
    count_w = text_width("00 quotes", font(12, bold=True)) + 10
    blocks = [(wrap(entry.speaker.name, font(16, bold=True), width - count_w, max_lines=1), INK)]
    detail = _speaker_line(entry)
    if detail:
        blocks.append((wrap(detail, font(12), width, max_lines=1), MUTED))
    for quote in entry.quotes[:quotes]:
        blocks.append((wrap(_quote_text(quote), font(13, italic=True), width - 12,
                            max_lines=quote_lines, line_spacing=1.08), INK))
        if _reach(quote):
            blocks.append((wrap(_reach(quote).capitalize(), font(11), width - 12, max_lines=1), MUTED))
    return blocks


def _reach(quote: Quote) -> str:
    """"reported by 3 outlets (2 independent, 1 primary)" when more than one source carried the
    statement or a tier is known; empty otherwise."""
    reach = quote.reach
    return reported_text(reach) if reach is not None and (reach.reported_by > 1 or reach.tiers) else ""


# -- further pages: every quote by speaker, every post ---------------------------------------------


@dataclass
class Item:
    """One thing in the flowing lists: blocks drawn one under another, kept together."""

    blocks: list[tuple[TextBlock, str, float]]  # block, colour, indent
    gap: float = 10.0
    heading: str | None = None  # a section heading drawn before the blocks
    #: For a later paragraph of a post: the post's name, said again if a column starts here.
    continues: str | None = None

    @property
    def height(self) -> float:
        """Height including the gap under it (and a heading if any)."""
        return sum(b.height + 4 for b, _, _ in self.blocks) + self.gap + (36 if self.heading else 0)


def _quote_item(briefing: Briefing, quote: Quote, width: float,
                posts: dict[int, Post]) -> list[tuple[TextBlock, str, float]]:
    post = posts.get(quote.post_id)
    where = post_when(post, briefing.post_times) if post else ""
    meta = " · ".join(x for x in (where, quote.kind, quote.cue, quote.outlet, f"post {quote.post_id}",
                                  _reach(quote)) if x)
    return [
        (wrap(_quote_text(quote), font(13, italic=True), width - 14, line_spacing=1.08), INK, 14),
        (wrap(meta, font(11), width - 14), MUTED, 14),
    ]


def list_items(briefing: Briefing, column_width: float) -> list[Item]:
    """The items of the quote and post lists, in order, measured for ``column_width``.

    A speaker's name stays with their first quote and a post's headline with its first paragraph,
    so a column never ends on a heading.
    """
    items: list[Item] = []
    posts = {p.id: p for p in briefing.posts}
    quoted = briefing.quoted_speakers
    heading: str | None = "Every quote, by speaker"
    if not quoted:
        items.append(Item([(wrap("No quotes up to this moment.", font(14, italic=True), column_width),
                            MUTED, 0)], heading=heading))
    for entry in quoted:
        plural = "s" if len(entry.quotes) != 1 else ""
        blocks: list[tuple[TextBlock, str, float]] = [
            (wrap(f"{entry.speaker.name} · {len(entry.quotes):,} quote{plural}", font(16, bold=True),
                  column_width), INK, 0)
        ]
        detail = _speaker_line(entry)
        if detail:
            blocks.append((wrap(detail, font(12), column_width), MUTED, 0))
        blocks += _quote_item(briefing, entry.quotes[0], column_width, posts)
        items.append(Item(blocks, gap=8, heading=heading))
        heading = None
        for quote in entry.quotes[1:]:
            items.append(Item(_quote_item(briefing, quote, column_width, posts), gap=8))
        items[-1].gap = 18
    heading = "Every post, newest first"
    for post in briefing.posts:
        blocks = [(block, colour, 0.0) for block, colour in
                  _post_blocks(post, briefing.post_times, column_width, body_lines=None)]
        # Meta, headline and first paragraph together; each later paragraph may start a column.
        head = 3 if post.title else 2
        items.append(Item(blocks[:head], gap=2, heading=heading))
        heading = None
        name = f"{post.title or post_when(post, briefing.post_times)} (continued)"
        for block in blocks[head:]:
            items.append(Item([block], gap=2, continues=name))
        items[-1].gap = 16
    return items


@dataclass
class ListPages:
    """Flows :func:`list_items` over as many pages as it needs, two columns a page."""

    briefing: Briefing
    width: float
    height: float

    @property
    def column_width(self) -> float:
        """Width of one column."""
        return (self.width - 2 * MARGIN - GUTTER) / 2

    def pages(self) -> list[list[tuple[Item, float, float]]]:
        """Items placed as (item, x, y) on each page."""
        top, bottom = 86.0, self.height - 44
        placed: list[list[tuple[Item, float, float]]] = [[]]
        column, y = 0, top
        for item in list_items(self.briefing, self.column_width):
            if y + item.height > bottom and y > top:
                column, y = column + 1, top
                if column == 2:
                    placed.append([])
                    column = 0
                if item.continues:
                    # Say whose paragraphs these are at the top of the new column.
                    note = Item([(wrap(item.continues, font(12, italic=True), self.column_width,
                                       max_lines=1), MUTED, 0)], gap=4)
                    placed[-1].append((note, MARGIN + column * (self.column_width + GUTTER), y))
                    y += note.height
            x = MARGIN + column * (self.column_width + GUTTER)
            placed[-1].append((item, x, y))
            y += item.height
        return placed if placed[0] else []

    def paint(self, painter: QPainter, page: list[tuple[Item, float, float]], number: int,
              total: int) -> None:
        """Draw one of the list pages."""
        b = self.briefing
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor(PAPER))
        painter.fillRect(QRectF(0, 0, self.width, 56), QColor(HEADER))
        head = font(20, bold=True)
        painter.setFont(head)
        painter.setPen(QColor(HEADER_TEXT))
        painter.drawText(QRectF(MARGIN, 0, self.width * 0.6, 56),
                         LEFT,
                         elide(b.title, head, self.width * 0.6))
        small = font(14)
        painter.setFont(small)
        painter.setPen(QColor(HEADER_MUTED))
        painter.drawText(QRectF(self.width * 0.5, 0, self.width * 0.5 - MARGIN, 56),
                         RIGHT, f"as of {utc_text(b.at)}")
        for item, x, y in page:
            if item.heading:
                y = section_heading(painter, x, y, self.column_width, item.heading)
            for block, colour, indent in item.blocks:
                if indent:
                    painter.fillRect(QRectF(x, y, 3, block.height), QColor(FAINT))
                y = block.draw(painter, x + indent, y, colour) + 4
        footer(painter, self.width, self.height, _footer_left(b), f"page {number} of {total}")


PagePainter = Callable[[QPainter], None]


def page_painters(briefing: Briefing, width: float, height: float, widget_scale: float,
                  with_lists: bool) -> Sequence[PagePainter]:
    """One painting function per page: the overview, then (``with_lists``) the list pages."""
    lists = ListPages(briefing, width, height).pages() if with_lists else []
    total = 1 + len(lists)
    overview = Overview(briefing, width, height, widget_scale,
                        footer_right=f"page 1 of {total}" if with_lists else "")
    painters: list[PagePainter] = [overview.paint]
    flow = ListPages(briefing, width, height)
    for number, page in enumerate(lists, start=2):
        painters.append(partial(flow.paint, page=page, number=number, total=total))
    return painters
