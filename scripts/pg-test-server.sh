#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the store tests, as the `postgres` user
# (postgres refuses to run as root), with its data in a temporary folder.
#   scripts/pg-test-server.sh start [port]   prints the admin URL on its last line
#   scripts/pg-test-server.sh stop [port]
set -euo pipefail
port="${2:-54329}"
state=/tmp/dunwise-pg-test-$port
bin_dir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && bin_dir="$d"; done
pg_ctl="${bin_dir:+$bin_dir/}pg_ctl"
initdb="${bin_dir:+$bin_dir/}initdb"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -f "$state/data/postmaster.pid" ]; then as_pg "$pg_ctl" -D "$state/data" stop -m immediate >/dev/null 2>&1 || true; fi
    rm -rf "$state"; mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    as_pg "$initdb" -D "$state/data" -U postgres --auth=trust -E UTF8 --no-locale >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log"; exit 1; }
    as_pg "$pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c log_line_prefix='%m [%p] %d ' -c log_statement=ddl" \
      start >/dev/null || { cat "$state/server.log"; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$state/data" ] && as_pg "$pg_ctl" -D "$state/data" stop -m fast >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start [port] | stop [port]" >&2; exit 2 ;;
esac
