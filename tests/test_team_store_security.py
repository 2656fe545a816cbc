"""The team store's roles and passwords: the GRANTs of docs/team-store.md give the poller and the
analyst what they need and no more, and no message or log line shows a URL's password.

Against the throwaway cluster of `.ci/pg-cluster.sh` (its socket trusts every role, so a password
in a URL is accepted and ignored: what is checked is only that it is never shown).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import KHASAN_PAGE, invoke_cli

from monitor.service import Monitor
from monitor.store import StoreError
from monitor.store.pg.notify import ChangeListener

DOC = Path(__file__).resolve().parent.parent / "docs" / "team-store.md"
SECRET = "s3cret-Pa55"


def roles_sql() -> str:
    """The SQL block of the roles section of docs/team-store.md, as the owner runs it."""
    section = DOC.read_text(encoding="utf-8").split("## Roles", 1)[1]
    return re.search(r"```sql\n(.*?)```", section, re.DOTALL).group(1)


def as_role(dsn: str, role: str, password: str | None = None) -> str:
    """``dsn`` logging in as ``role`` (with ``password`` in the URL)."""
    parts = urlsplit(dsn)
    host = parts.netloc.split("@", 1)[1] if "@" in parts.netloc else parts.netloc
    user = f"{role}:{password}" if password else role
    return parts._replace(netloc=f"{user}@{host}").geturl()


@pytest.fixture
def team(pg_dsn, seed_path):
    """A store made by its owner holding the seed, with the roles of the docs (named for this
    test: roles belong to the whole cluster); {"owner"|"poller"|"analyst": URL}."""
    with Monitor(pg_dsn) as owner:
        assert all(r.ok for r in owner.ingest_path(seed_path))
    suffix = uuid.uuid4().hex[:8]
    names = {"poller": f"monitor_poller_{suffix}", "analyst": f"monitor_analyst_{suffix}"}
    sql = roles_sql().replace("monitor_poller", names["poller"]).replace("monitor_analyst", names["analyst"])
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute(sql)
    yield {"owner": pg_dsn, **{k: as_role(pg_dsn, v, SECRET) for k, v in names.items()}}
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for name in names.values():
            conn.execute(f"drop owned by {name}")
            conn.execute(f"drop role {name}")


def count(dsn: str, table: str) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


def test_the_poller_stores_posts_and_deletes_none(team, tmp_path):
    page = tmp_path / "khasan.txt"
    page.write_text(KHASAN_PAGE, encoding="utf-8")
    before = count(team["owner"], "posts")
    code, out, err = invoke_cli("ingest", "--db", team["poller"], str(page))
    assert code == 0 and ", 1 new," in out, err
    assert count(team["owner"], "posts") == before + 1 and count(team["owner"], "quotes") > 0
    with Monitor(team["poller"], create=False) as poller:
        source = poller.source(f"file:{page.name}")
        with pytest.raises(StoreError, match="permission denied") as refused:
            poller.remove_source(source.id, keep_posts=False)
    assert SECRET not in str(refused.value) and ":***@" in str(refused.value)
    assert count(team["owner"], "posts") == before + 1


def test_the_analyst_corrects_and_stores_no_posts(team, seed_path, tmp_path):
    with Monitor(team["analyst"], create=False) as analyst:
        quote = analyst.quotes.quotes()[0]
        speakers = analyst.quotes.speakers()
        analyst.reassign_quote(quote.id, speakers[-1].id, author="Alice")
        analyst.reject_quote(analyst.quotes.quotes()[1].id, author="Alice")
        analyst.merge_speakers(speakers[0].id, speakers[1].id, author="Alice")
        assert analyst.quotes.quote(quote.id).corrected_by == "Alice"
    page = tmp_path / "khasan.txt"
    page.write_text(KHASAN_PAGE, encoding="utf-8")
    before = count(team["owner"], "posts")
    code, out, err = invoke_cli("ingest", "--db", team["analyst"], str(page))
    assert code == 1 and "permission denied" in out + err and "nothing from it was stored" in out + err
    assert SECRET not in out + err
    assert count(team["owner"], "posts") == before
    with psycopg.connect(team["analyst"]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("delete from post_revisions")


@pytest.mark.parametrize("secret_in", ["netloc", "query"])
def test_no_message_shows_the_password(pg_dsn, secret_in):
    parts = urlsplit(pg_dsn)
    if secret_in == "netloc":
        empty = as_role(pg_dsn, "postgres", SECRET)
        missing = urlsplit(empty)._replace(path="/no_such_database").geturl()
    else:
        empty = parts._replace(query=parts.query + f"&password={SECRET}").geturl()
        missing = urlsplit(empty)._replace(path="/no_such_database").geturl()
    feed = "http://example.org/feed"
    for args in (["watch", "--once", "--db", empty], ["posts", "--db", empty], ["route", "--db", empty],
                 ["ingest", "--db", missing, "x"], ["sources", "add", feed, "--db", missing]):
        code, out, err = invoke_cli(*args)
        assert code != 0, args
        assert SECRET not in out + err and "***" in out + err, (args, out + err)


def test_a_lost_connection_is_named_without_the_password(pg_dsn, seed_path, caplog):
    secret = as_role(pg_dsn, "postgres", SECRET)
    caplog.set_level(logging.DEBUG)
    with Monitor(secret) as monitor:
        assert SECRET not in monitor.where + str(monitor.db_path)
        with psycopg.connect(pg_dsn, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(%s)", [monitor.team.backend_pid])
        reports = monitor.ingest_path(seed_path)
        assert reports and all(r.error for r in reports)
        assert all(SECRET not in r.error and ":***@" in r.error for r in reports), reports
    got: list = []
    listener = ChangeListener(secret, got.append).start()
    try:
        with psycopg.connect(pg_dsn, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                          "where query like 'listen %'")
        deadline = time.monotonic() + 10
        while not listener.errors and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.stop()
    assert listener.errors and ":***@" in listener.errors[0] and SECRET not in listener.errors[0]
    assert SECRET not in caplog.text
