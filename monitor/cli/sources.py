"""Commands over sources: ``monitor sources``, ``monitor sources add``, ``monitor watch``."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import click

from monitor.cli.common import cli, db_option, emit_json_lines, open_monitor
from monitor.model import TIERS, utc_now
from monitor.service import Monitor, PollReport
from monitor.sources.errors import SourceError
from monitor.sources.poller import DEFAULT_INTERVAL, MAX_INTERVAL
from monitor.store import StoreError

#: Seconds between polls: at least one, at most a year.
INTERVAL = click.IntRange(min=1, max=MAX_INTERVAL)


def _source_rows(monitor: Monitor) -> list[dict]:
    rows = []
    for health in monitor.source_health():
        row = asdict(health.source)
        row["posts"] = health.posts
        row["newest_post"] = health.newest
        row["per_day"] = round(health.per_day, 1) if health.per_day is not None else None
        row["state"] = health.state
        row["warning"] = health.warning
        row["warning_text"] = health.warning_text
        rows.append(row)
    return rows


def _resolve(monitor: Monitor, ref: str) -> int:
    try:
        return monitor.source(ref).id
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@click.pass_context
def sources(ctx: click.Context, as_json: bool, db_path: Path | None) -> None:
    """List sources with their last poll, status, error and post count."""
    ctx.ensure_object(dict)
    ctx.obj["sources_db"] = db_path
    if ctx.invoked_subcommand is not None:
        return
    with open_monitor(ctx, db_path, readonly=True, team=True) as monitor:
        rows = _source_rows(monitor)
    if as_json:
        emit_json_lines(rows)
        return
    if not rows:
        click.echo("no sources yet: add one with `monitor sources add URL|PATH`", err=True)
    for row in rows:
        state = row["last_status"] or ("never polled" if row["subscribed"] else "ingested, not polled")
        if not row["enabled"]:
            state += ", disabled"
        head = f"#{row['id']} {row['title'] or row['key']}" + (f" [{row['tier']}]" if row["tier"] else "")
        click.secho(head, bold=True)
        click.echo(f"  {row['url']}")
        rate = f" ({row['per_day']:g} a day)" if row["per_day"] is not None else ""
        click.echo(
            f"  {row['kind']}, {row['posts']} posts{rate}, every {row['interval']} s; "
            f"last poll {row['last_polled'] or '-'}: {state}"
            + (f" (HTTP {row['http_status']})" if row["http_status"] else "")
        )
        if row["last_error"]:
            click.secho(f"  error: {row['last_error']}", fg="red")
        if row["warning"] and row["warning"] != "failing":
            click.secho(f"  warning: {row['warning_text']}", fg="yellow")


@sources.command("add")
@click.argument("targets", nargs=-1, required=True)
@click.option("--interval", type=INTERVAL, default=DEFAULT_INTERVAL, show_default=True,
              help="Seconds between polls.")
@db_option
@click.pass_context
def sources_add(ctx: click.Context, targets: tuple[str, ...], interval: int,
                db_path: Path | None) -> None:
    """Add feeds, live pages or files (URL or PATH) to poll."""
    failures = 0
    with open_monitor(ctx, db_path or ctx.obj.get("sources_db"), create=True, team=True) as monitor:
        for target in targets:
            try:
                source = monitor.add_source(target, interval=interval)
            except SourceError as exc:
                failures += 1
                click.secho(f"error: {exc}", fg="red", err=True)
                continue
            click.echo(f"#{source.id} {source.url} (every {source.interval} s)")
    if failures:
        sys.exit(1)


@sources.command("remove")
@click.argument("source")
@click.option("--keep-posts/--delete-posts", "keep_posts", default=None,
              help="Required: keep the source's posts (not polled any more) or delete them with it.")
@db_option
@click.pass_context
def sources_remove(ctx: click.Context, source: str, keep_posts: bool | None, db_path: Path | None) -> None:
    """Stop polling SOURCE (an id, address or title) for good, keeping or deleting its posts."""
    if keep_posts is None:
        raise click.UsageError("say what happens to the source's posts: --keep-posts or --delete-posts")
    with open_monitor(ctx, db_path or ctx.obj.get("sources_db"), create=False, team=True) as monitor:
        source_id = _resolve(monitor, source)
        label = monitor.source(source_id).url
        changes = monitor.remove_source(source_id, keep_posts=keep_posts)
    if keep_posts:
        click.echo(f"#{source_id} {label} removed; its posts are kept")
    else:
        click.echo(f"#{source_id} {label} removed with its {len(changes.posts_updated)} posts")


def _change_one(ctx: click.Context, source: str, db_path: Path | None, action: str,
                do: Callable[[Monitor, int], object]) -> None:
    with open_monitor(ctx, db_path or ctx.obj.get("sources_db"), create=False, team=True) as monitor:
        source_id = _resolve(monitor, source)
        try:
            do(monitor, source_id)
        except SourceError as exc:
            raise click.ClickException(str(exc)) from exc
        found = monitor.source(source_id)
    click.echo(f"#{source_id} {found.title or found.url}: {action}")


@sources.command("disable")
@click.argument("source")
@db_option
@click.pass_context
def sources_disable(ctx: click.Context, source: str, db_path: Path | None) -> None:
    """Stop polling SOURCE (an id, address or title); its posts stay."""
    _change_one(ctx, source, db_path, "disabled", lambda m, i: m.set_source_enabled(i, False))


@sources.command("enable")
@click.argument("source")
@db_option
@click.pass_context
def sources_enable(ctx: click.Context, source: str, db_path: Path | None) -> None:
    """Poll SOURCE (an id, address or title) again, from the next round."""
    _change_one(ctx, source, db_path, "enabled", lambda m, i: m.set_source_enabled(i, True))


@sources.command("rename")
@click.argument("source")
@click.argument("title")
@db_option
@click.pass_context
def sources_rename(ctx: click.Context, source: str, title: str, db_path: Path | None) -> None:
    """Call SOURCE (an id, address or title) TITLE."""
    _change_one(ctx, source, db_path, "renamed", lambda m, i: m.rename_source(i, title))


@sources.command("set")
@click.argument("source")
@click.option("--interval", type=click.IntRange(min=1), default=None, help="Seconds between polls.")
@click.option("--tier", type=click.Choice([*TIERS, "none"]), default=None,
              help="What kind of source it is (none clears it); corroboration counts name them.")
@db_option
@click.pass_context
def sources_set(ctx: click.Context, source: str, interval: int | None, tier: str | None,
                db_path: Path | None) -> None:
    """Change how often SOURCE (an id, address or title) is polled, or what kind of source it is."""
    if interval is None and tier is None:
        raise click.UsageError("say what to set: --interval SECONDS and/or --tier KIND")
    said = []
    if interval is not None:
        said.append(f"every {interval} s")
    if tier is not None:
        said.append(f"tier {tier}")

    def change(monitor: Monitor, source_id: int) -> None:
        if interval is not None:
            monitor.set_source_interval(source_id, interval)
        if tier is not None:
            monitor.set_source_tier(source_id, None if tier == "none" else tier)

    _change_one(ctx, source, db_path, ", ".join(said), change)


class _StderrLog(logging.Handler):
    """The app's log on stderr while polling, one line a record.

    A failure inside one source's poll is logged with its traceback and also comes back as that
    source's error, which ``watch`` prints; so the traceback is shown only with ``--debug``.
    """

    def __init__(self, debug: bool) -> None:
        super().__init__(logging.DEBUG if debug else logging.WARNING)
        self.debug = debug
        if debug:
            self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and not self.debug:
            return
        try:
            text = self.format(record) if self.debug else f"{record.levelname.lower()}: {record.getMessage()}"
            click.echo(text, err=True)
        except Exception:  # noqa: BLE001  (logging must never break a poll)
            self.handleError(record)


def _log_to_stderr(debug: bool) -> None:
    logger = logging.getLogger("monitor")
    for handler in [h for h in logger.handlers if isinstance(h, _StderrLog)]:
        logger.removeHandler(handler)
    logger.addHandler(_StderrLog(debug))
    if debug:
        logger.setLevel(logging.DEBUG)


def _round_line(reports: list[PollReport], wait: float | None, rounds: int, held: int = 0) -> str:
    new = sum(r.added for r in reports)
    updated = sum(r.updated for r in reports)
    same = sum(1 for r in reports if r.outcome == "not_modified")
    errors = sum(1 for r in reports if not r.ok)
    stamp = utc_now().strftime("%H:%M:%S")
    line = (f"{stamp} round {rounds}: polled {len(reports)}, {new} new, {updated} updated, "
            f"{same} not modified, {errors} errors")
    if held:
        line += f", {held} being polled by another poller"
    if wait is not None:
        line += f"; next in {wait:.0f} s"
    return line


@cli.command()
@click.argument("targets", nargs=-1)
@click.option("--once", is_flag=True, help="Poll every enabled source once, then exit.")
@click.option("--interval", type=INTERVAL, default=DEFAULT_INTERVAL, show_default=True,
              help="Seconds between polls for sources added here.")
@click.option("--debug", is_flag=True, help="Also print the traceback of an unexpected failure.")
@click.option("--keep-documents", "keep_days", type=click.IntRange(min=1), default=None,
              envvar="MONITOR_KEEP_DOCUMENTS", metavar="DAYS",
              help="Keep the bytes of fetched documents this many days, pruning older ones after a "
                   "round (at most hourly), as `monitor prune-documents` does "
                   "($MONITOR_KEEP_DOCUMENTS; default: keep them all).")
@db_option
@click.pass_context
def watch(ctx: click.Context, targets: tuple[str, ...], once: bool, interval: int, debug: bool,
          keep_days: int | None, db_path: Path | None) -> None:
    """Poll sources headless, adding any URL or PATH given first. Ctrl-C stops (exit 0); SIGTERM
    stops the same way with exit status 143.

    With --keep-documents DAYS the raw documents' bytes older than DAYS are dropped as the
    watch goes (their hashes, times and links stay), so a poller left running for months keeps
    a bounded store.

    A source that fails, however it fails, is reported with its error and polled again after a
    backoff; the other sources are polled as usual. With --once, exits non-zero when any source
    could not be read.
    """
    _log_to_stderr(debug)
    # Sources named here are added as `sources add` would, so only then may the file be made.
    with open_monitor(ctx, db_path, create=bool(targets), team=True) as monitor:
        for target in targets:
            try:
                monitor.add_source(target, interval=interval)
            except SourceError as exc:
                raise click.ClickException(str(exc)) from exc
        if not monitor.sources.pollable():
            raise click.ClickException("no sources to poll: give a URL or PATH, or use "
                                       "`monitor sources add`")
        retention = _Retention(monitor, keep_days)
        if once:
            reports = monitor.poll_once()
            retention.after_round()
            for report in reports:
                if report.ok:
                    click.echo(report.summary())
                    for note in report.notes:
                        click.echo(f"  note: {note}", err=True)
                else:
                    click.secho(f"error: {report.error}", fg="red", err=True)
            click.echo(_round_line(reports, None, 1, len(monitor.held_elsewhere)), err=True)
            if any(not r.ok for r in reports):
                sys.exit(1)
            return
        _watch_forever(monitor, retention)


class _Retention:
    """Prunes the raw documents' bytes older than ``days`` after a round, at most once every
    PRUNE_EVERY seconds (one indexed update; an hour's new documents are few)."""

    PRUNE_EVERY = 3600.0

    def __init__(self, monitor: Monitor, days: int | None) -> None:
        self.monitor = monitor
        self.days = days
        self._last: float | None = None

    def after_round(self) -> None:
        if self.days is None:
            return
        now = time.monotonic()
        if self._last is not None and now - self._last < self.PRUNE_EVERY:
            return
        self._last = now
        try:
            pruned = self.monitor.prune_documents(self.days)
        except StoreError as exc:  # a busy or lost store: the next round tries again
            self._last = None
            click.secho(f"error: could not prune documents: {exc}", fg="red", err=True)
            return
        if pruned:
            click.echo(f"pruned the bytes of {pruned} document{'' if pruned == 1 else 's'} fetched "
                       f"over {self.days} days ago", err=True)


#: Exit status of ``monitor watch`` stopped by SIGTERM: what a shell reports for a process ended by
#: that signal (128 + 15), so a supervisor can tell a stop from a failure of ``--once``.
EXIT_TERMINATED = 128 + signal.SIGTERM


class _Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt, so that no ``except Exception``
    on the way (one source's failure handling) swallows it."""


def _raise_terminated(_signum: int, _frame: object) -> None:
    raise _Terminated


def _watch_forever(monitor: Monitor, retention: _Retention) -> None:
    interactive = sys.stderr.isatty()
    started = time.monotonic()

    def on_round(reports: list[PollReport], wait: float | None) -> None:
        for report in reports:
            if not report.ok:
                click.secho(("\n" if interactive else "") + f"error: {report.error}", fg="red", err=True)
        retention.after_round()
        line = _round_line(reports, wait, watcher.rounds, len(monitor.held_elsewhere))
        if interactive:
            click.echo("\r\033[K" + line, nl=False, err=True)
        else:
            click.echo(line, err=True)

    watcher = monitor.watcher(on_round=on_round)
    # SIGTERM (``kill``, a service manager) stops the watch the way Ctrl-C does: the poll under
    # way is cut short and the store closed (which stops the extraction workers).
    in_main_thread = threading.current_thread() is threading.main_thread()  # else no handlers
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
    terminated = False
    try:
        watcher.run()
    except KeyboardInterrupt:
        # A poll cut short rolls its transaction back, so the store holds only whole polls.
        watcher.stop()
    except _Terminated:
        watcher.stop()
        terminated = True
    finally:
        # A second SIGTERM while closing ends the process at once (the workers still go with it).
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
    if interactive:
        click.echo("", err=True)
    how = "terminated" if terminated else "stopped"
    click.echo(f"{how} after {watcher.rounds} rounds in {time.monotonic() - started:.0f} s", err=True)
    if terminated:
        sys.exit(EXIT_TERMINATED)
