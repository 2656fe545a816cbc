"""Commands over speakers and quotes: speakers, quotes, extract, reextract."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, emit_json_lines, open_monitor
from monitor.extract import extract_quotes_noted
from monitor.model import ExtractedQuote

#: Largest file ``monitor extract`` reads.
MAX_EXTRACT_BYTES = 50 * 1024 * 1024


def extracted_json(path: str, quote: ExtractedQuote) -> dict:
    """The JSON shape of one quote as ``monitor extract --json`` prints it."""
    return {
        "file": path,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "speaker_kind": quote.speaker_kind,
        "role": quote.role,
        "organisation": quote.organisation,
        "outlet": quote.outlet,
        "sieve": quote.sieve,
        "confidence": quote.confidence,
    }


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@click.pass_context
def speakers(ctx: click.Context, as_json: bool, db_path: Path | None) -> None:
    """List who is quoted, most quoted first."""
    with open_monitor(ctx, db_path, seed=True) as monitor:
        rows = monitor.quotes.speakers()
        if as_json:
            emit_json_lines(
                {**asdict(s), "aliases": monitor.quotes.aliases(s.id)} for s in rows
            )
            return
        if not rows:
            click.echo("no speakers yet", err=True)
        for s in rows:
            extra = ", ".join(x for x in (s.role, s.organisation) if x)
            click.echo(f"{s.quote_count:4d}  {s.name} [{s.kind}]" + (f" — {extra}" if extra else ""))


@cli.command()
@click.option("--speaker", "speaker_name", default=None, help="Only this speaker's quotes (name or alias).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@click.pass_context
def quotes(ctx: click.Context, speaker_name: str | None, as_json: bool, db_path: Path | None) -> None:
    """List quotes in reading order, with their speakers."""
    with open_monitor(ctx, db_path, seed=True) as monitor:
        store = monitor.quotes
        if speaker_name is not None:
            found = store.find_speakers(speaker_name)
            if not found:
                raise click.BadParameter(f"no speaker named {speaker_name!r}", param_hint="--speaker")
            rows = [q for s in found for q in store.quotes(speaker_id=s.id)]
        else:
            rows = store.quotes()
        names = {s.id: s for s in store.speakers()}
        if as_json:
            emit_json_lines(
                {**asdict(q), "speaker": names[q.speaker_id].name if q.speaker_id in names else None}
                for q in rows
            )
            return
        for q in rows:
            who = names[q.speaker_id].name if q.speaker_id in names else "(unattributed)"
            text = q.text if len(q.text) <= 160 else q.text[:159] + "…"
            click.echo(f"#{q.id} post {q.post_id} {q.field} [{q.kind}] {who}: “{text}”")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per quote.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Extract quotes from plain-text files, without a database.

    Offsets are code points into each file's text exactly as decoded from UTF-8. A file that
    cannot be read is reported and the others are still processed; the exit status is then 1.
    """
    failures = 0
    for path in files:
        where = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_EXTRACT_BYTES:
                raise ValueError(f"too large: {size / 1e6:.1f} MB is over the "
                                 f"{MAX_EXTRACT_BYTES / 1e6:.0f} MB limit")
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            failures += _fail(f"{where}: no such file")
            continue
        except IsADirectoryError:
            failures += _fail(f"{where}: is a directory")
            continue
        except UnicodeDecodeError as exc:
            failures += _fail(f"{where}: not UTF-8 text (byte {exc.start}: {exc.reason})")
            continue
        except (OSError, ValueError) as exc:
            failures += _fail(f"{where}: cannot read ({getattr(exc, 'strerror', None) or exc})")
            continue
        found, note = extract_quotes_noted(text)
        if note:
            click.echo(f"note: {where}: {note}", err=True)
        if as_json:
            emit_json_lines(extracted_json(where, q) for q in found)
        else:
            for q in found:
                who = q.speaker or "(unattributed)"
                click.echo(f"{where}:{q.start}-{q.end} [{q.kind}] {who}: “{q.text}”")
    if failures:
        sys.exit(1)


def _fail(message: str) -> int:
    click.secho(f"error: {message}", fg="red", err=True)
    return 1


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@db_option
@click.pass_context
def reextract(ctx: click.Context, as_json: bool, db_path: Path | None) -> None:
    """Extract quotes again from every post; analyst corrections are kept."""
    with open_monitor(ctx, db_path) as monitor:
        counts = monitor.reextract()
    if as_json:
        emit_json_lines([asdict(counts)])
    else:
        click.echo(f"{counts.posts} posts: {counts.before} quotes before, {counts.after} after, "
                   f"{counts.analyst} corrected by an analyst kept")
    for error in counts.errors:
        click.secho(f"error: {error}", fg="red", err=True)
