#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: its data and its Unix socket live in one temporary
# folder, it listens on no TCP port, and `stop` removes it all.
#
#   .ci/pg-cluster.sh install          install the distribution's postgresql package when missing
#   .ci/pg-cluster.sh start DIR        start a cluster in DIR (created if needed, reused when DIR
#                                      already holds one); prints its DSN
#   .ci/pg-cluster.sh halt DIR         stop the cluster in DIR, keeping its data for a later start
#   .ci/pg-cluster.sh stop DIR         stop the cluster in DIR and delete DIR
#   .ci/pg-cluster.sh with CMD ARGS…   start one in a new temporary folder, run CMD with its DSN in
#                                      MONITOR_TEST_PG, stop it whatever CMD does; exits with CMD's code.
#                                      MONITOR_TEST_PG_DIR (the folder: data/, server.log, the socket)
#                                      and MONITOR_TEST_PG_BIN (pg_ctl's folder) let a test restart it.
#
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user (which the
# package creates) in a folder owned by it; anyone else runs it as themselves.
set -euo pipefail

pg_bin() {
  # The newest installed server's programs (Debian keeps them out of PATH).
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_pg() {
  [ -n "$(pg_bin)" ] && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "no PostgreSQL server found and no apt-get: install PostgreSQL by hand" >&2; exit 1; }
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root to install postgresql" >&2; exit 1; }
    sudo=sudo
  fi
  echo "Installing system package: postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The package's own cluster is not wanted: ours is started per test run.
  $sudo apt-get install -y -qq postgresql >/dev/null
  [ -n "$(pg_bin)" ] || { echo "postgresql installed but initdb not found under /usr/lib/postgresql" >&2; exit 1; }
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1 bin
  bin=$(pg_bin)
  [ -n "$bin" ] || { echo "no PostgreSQL server installed; run: $0 install" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  # trust on the private socket only: the folder is readable by its owner alone (and root).
  # A folder that holds a cluster already (a benchmark's loaded corpus) is started as it is.
  [ -f "$dir/data/PG_VERSION" ] || as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=5432 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgresql://postgres@/postgres?host=$dir&port=5432"
}

halt() {
  local dir=$1 bin
  bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
}

stop() {
  halt "$1"
  rm -rf "$1"
}

with() {
  local dir code
  dir=$(mktemp -d -t monitor-pg.XXXXXX)
  trap 'stop "$dir"' EXIT INT TERM
  MONITOR_TEST_PG=$(start "$dir")
  MONITOR_TEST_PG_DIR=$dir
  MONITOR_TEST_PG_BIN=$(pg_bin)
  export MONITOR_TEST_PG MONITOR_TEST_PG_DIR MONITOR_TEST_PG_BIN
  echo "PostgreSQL test cluster: $MONITOR_TEST_PG" >&2
  set +e
  "$@"
  code=$?
  set -e
  exit "$code"
}

case "${1:-}" in
  install) install_pg ;;
  start) [ $# -eq 2 ] || { echo "usage: $0 start DIR" >&2; exit 2; }; start "$2" ;;
  halt) [ $# -eq 2 ] || { echo "usage: $0 halt DIR" >&2; exit 2; }; halt "$2" ;;
  stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  with) shift; [ $# -ge 1 ] || { echo "usage: $0 with CMD [ARGS…]" >&2; exit 2; }; with "$@" ;;
  *) echo "usage: $0 install | start DIR | halt DIR | stop DIR | with CMD [ARGS…]" >&2; exit 2 ;;
esac
