"""``monitor report``: the one-page briefing as PNG, or PDF with the full quote and post lists."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, open_monitor, parse_at

_SIZE = re.compile(r"^\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """``1600x1000`` → (1600, 1000); raises BadParameter naming the input otherwise."""
    match = _SIZE.match(text)
    if not match:
        raise click.BadParameter(f"{text!r} is not WIDTHxHEIGHT in pixels, e.g. 1600x1000",
                                 param_hint="--size")
    return int(match.group(1)), int(match.group(2))


@cli.command("report")
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="The file to write: FILE.png (one page) or FILE.pdf (with every quote and post).")
@click.option("--at", "at_text", default=None, metavar="ISO-TIME",
              help="The moment the report is as of (default: now), e.g. 2023-09-11T21:00:00Z.")
@click.option("--size", "size_text", default="1600x1000", show_default=True, metavar="WxH",
              help="Page size in pixels.")
@click.option("--title", default=None, help="Title at the top of the report.")
@db_option
@click.pass_context
def report_command(ctx: click.Context, out_path: Path, at_text: str | None, size_text: str,
                   title: str | None, db_path: Path | str | None) -> None:
    """Render the situation briefing without a display.

    The same database and --at always give the same picture.
    """
    size = parse_size(size_text)
    at = parse_at(at_text)
    # Reports never need a screen; set before Qt is first imported.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from monitor.report import ReportError, render_report

    with open_monitor(ctx, db_path, seed=True, readonly=True, team=True) as monitor:
        try:
            written = render_report(monitor, out_path, at=at, size=size, title=title)
        except ReportError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {written}")
