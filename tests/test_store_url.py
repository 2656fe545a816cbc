"""A team store's URL split into the parts a person types and joined again (File → Open team
store), and the form kept in File → Open recent: plain functions, no PostgreSQL needed."""

from __future__ import annotations

import pytest

from monitor.service import (
    StoreAddress,
    StoreError,
    join_url,
    needs_password,
    redact,
    split_url,
    without_password,
)


@pytest.mark.parametrize(("url", "address"), [
    ("postgresql://ann:p%40ss%3Aw%2Frd@db.example.org:5433/story?sslmode=require",
     StoreAddress("db.example.org", "5433", "story", "ann", "p@ss:w/rd", (("sslmode", "require"),))),
    # The test cluster's form: a socket folder and a port in the query.
    ("postgresql://postgres@/postgres?host=/tmp/monitor-pg.x1&port=5432",
     StoreAddress("/tmp/monitor-pg.x1", "5432", "postgres", "postgres")),
    ("postgres://[::1]:5432/s", StoreAddress("::1", "5432", "s")),
    ("postgresql:///story", StoreAddress(database="story")),
    ("postgresql://h/my%20store", StoreAddress("h", database="my store")),
])
def test_a_url_splits_into_its_parts_and_joins_back(url, address):
    assert split_url(url) == address
    assert split_url(join_url(address)) == address


def test_a_socket_folder_given_as_the_host_goes_in_the_query():
    url = join_url(StoreAddress(host="/run/postgresql", port="5433", database="story", user="ann"))
    assert url == "postgresql://ann@/story?host=/run/postgresql&port=5433"


def test_query_parameters_win_over_the_parts_before_them():
    assert split_url("postgresql://a:x@h:1/d?user=b&password=y&dbname=e&port=2") == \
        StoreAddress("h", "2", "e", "b", "y")


def test_a_pasted_url_with_spaces_around_it_splits():
    assert split_url("  postgresql://ann@db/story\n").database == "story"


@pytest.mark.parametrize("url", ["postgresql://ann:secret@db/story", "postgresql://ann@db/story?password=secret",
                                 "postgresql://ann@db/story?sslpassword=secret"])
def test_the_url_kept_has_no_password_at_all(url):
    kept = without_password(url)
    assert "secret" not in kept and "***" not in kept
    assert split_url(kept) == StoreAddress("db", "", "story", "ann")


def test_a_bad_url_or_port_is_refused_naming_it_with_the_password_hidden():
    with pytest.raises(StoreError, match=r"ann:\*\*\*@db.*not a PostgreSQL URL"):
        split_url("mysql://ann:secret@db/story")
    with pytest.raises(StoreError, match="port 'abc'"):
        split_url("postgresql://db:abc/story")
    with pytest.raises(StoreError, match="port '70000'"):
        join_url(StoreAddress("db", "70000"))


def test_a_missing_password_is_told_from_a_wrong_one():
    assert needs_password('postgresql://ann@db/story: cannot connect to PostgreSQL '
                          '(connection to server at "db", port 5432 failed: '
                          'fe_sendauth: no password supplied)')
    assert not needs_password("password authentication failed for user \"ann\"")


def test_the_client_keys_passphrase_is_hidden_as_a_password_is():
    assert redact("postgresql://ann@db/story?sslmode=verify-full&sslpassword=secret") == \
        "postgresql://ann@db/story?sslmode=verify-full&sslpassword=***"
