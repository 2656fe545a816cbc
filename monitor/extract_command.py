"""``monitor extract``: quotes from plain-text files, with no database and no window.

It lives outside :mod:`monitor.cli` so that ``monitor extract`` starts without importing what the
other commands need (the store and sqlite-utils, the HTTP client, the route maths and numpy, Qt):
``monitor/__main__.py`` runs it directly, and :mod:`monitor.cli.quotes` adds the same command to
the full command group.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from monitor.extract import extract_quotes_noted
from monitor.files import NotRegularFileError, display_path, read_capped
from monitor.model.quotes import ExtractedQuote

#: Largest file ``monitor extract`` reads.
MAX_EXTRACT_BYTES = 50 * 1024 * 1024


def extracted_json(path: str, quote: ExtractedQuote) -> dict:
    """The JSON shape of one attribution as ``monitor extract --json`` prints it: ``start``/``end``
    span its whole content, ``parts`` the quoted fragments inside it (``[start, end]`` lists)."""
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
        "parts": [[start, end] for start, end in quote.parts],
    }


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per quote.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Extract quotes from plain-text files, without a database.

    Offsets are code points into each file's text exactly as decoded from UTF-8. A file that
    cannot be read is reported and the others are still processed; the exit status is then 1.
    A file longer than the extraction budget is read up to it, with a note on standard error.
    """
    failures = 0
    for path in files:
        where = display_path(path)
        try:
            data = read_capped(path, MAX_EXTRACT_BYTES)
            if data is None:
                raise ValueError(f"too large: over the {MAX_EXTRACT_BYTES // 2**20} MiB limit")
            text = data.decode("utf-8")
        except FileNotFoundError:
            failures += _fail(f"{where}: no such file")
            continue
        except IsADirectoryError:
            failures += _fail(f"{where}: is a directory")
            continue
        except NotRegularFileError as exc:
            failures += _fail(f"{where}: {exc}")
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
            out = sys.stdout
            for q in found:
                out.write(json.dumps(extracted_json(where, q), ensure_ascii=False) + "\n")
        else:
            for q in found:
                who = q.speaker or "(unattributed)"
                words = f"“{q.text}”" if q.kind == "direct" else q.text  # reported speech has no marks
                click.echo(f"{where}:{q.start}-{q.end} [{q.kind}] {who}: {words}")
    if failures:
        sys.exit(1)


def _fail(message: str) -> int:
    click.secho(f"error: {message}", fg="red", err=True)
    return 1
