"""Commands over speakers and quotes: speakers, quotes, extract, reextract."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, emit_json_lines, open_monitor
from monitor.extract.corroboration import Reported
from monitor.extract_command import MAX_EXTRACT_BYTES, extract, extracted_json
from monitor.model.corroboration import reported_text

# Defined on its own so that ``monitor extract`` can start without the store (monitor/__main__.py).
cli.add_command(extract)
__all__ = ["MAX_EXTRACT_BYTES", "extract", "extracted_json"]


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@click.pass_context
def speakers(ctx: click.Context, as_json: bool, db_path: Path | None) -> None:
    """List who is quoted, most quoted first."""
    with open_monitor(ctx, db_path, seed=True, readonly=True, team=True) as monitor:
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
    with open_monitor(ctx, db_path, seed=True, readonly=True, team=True) as monitor:
        store = monitor.quotes
        if speaker_name is not None:
            found = store.find_speakers(speaker_name)
            if not found:
                raise click.BadParameter(f"no speaker named {speaker_name!r}", param_hint="--speaker")
            rows = [q for s in found for q in store.quotes(speaker_id=s.id)]
        else:
            rows = store.quotes()
        names = {s.id: s for s in store.speakers()}
        reach = monitor.quote_corroboration(rows)
        alone = Reported(reported_by=1, independent=1)  # no speaker: nothing to match it with
        if as_json:
            emit_json_lines(
                {**asdict(q), "speaker": names[q.speaker_id].name if q.speaker_id in names else None,
                 **_reach_fields(reach.get(q.id, alone))}
                for q in rows
            )
            return
        for q in rows:
            who = names[q.speaker_id].name if q.speaker_id in names else "(unattributed)"
            text = q.text if len(q.text) <= 160 else q.text[:159] + "…"
            words = f"“{text}”" if q.kind == "direct" else text  # reported speech has no marks
            seen = reach.get(q.id, alone)
            also = f" ({reported_text(seen)})" if seen.reported_by > 1 or seen.tiers else ""
            fixed = ""
            if q.source_of_truth == "analyst":
                fixed = f" (corrected by {q.corrected_by or 'an analyst'}" + (
                    f", {q.corrected_at})" if q.corrected_at else ")")
            click.echo(f"#{q.id} post {q.post_id} {q.field} [{q.kind}] {who}: {words}{also}{fixed}")


def _reach_fields(seen: Reported) -> dict:
    """A quote's corroboration as JSON fields: reported_by, independent, tiers (tier -> origins)."""
    return {"reported_by": seen.reported_by, "independent": seen.independent, "tiers": seen.tier_counts()}


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@db_option
@click.pass_context
def reextract(ctx: click.Context, as_json: bool, db_path: Path | str | None) -> None:
    """Extract quotes again from every post; analyst corrections are kept."""
    with open_monitor(ctx, db_path, team=True) as monitor:
        counts = monitor.reextract()
    if as_json:
        emit_json_lines([asdict(counts)])
    else:
        click.echo(f"{counts.posts} posts: {counts.before} quotes before, {counts.after} after, "
                   f"{counts.analyst} corrected by an analyst kept")
    for error in counts.errors:
        click.secho(f"error: {error}", fg="red", err=True)
