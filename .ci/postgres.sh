#!/usr/bin/env bash
# Starts a local PostgreSQL for the tests that need a real server (storage-jdbc's PostgreSql*Test)
# and prints the settings they read, as shell exports on stdout; everything else goes to stderr:
#
#   pg_env="$(bash .ci/postgres.sh)"   # a plain assignment, so `set -e` stops on a failure here
#   eval "$pg_env"                     # then: mvn ... (the tests read the OPENST_TEST_PG_* variables)
#
# Idempotent, for a fresh Debian machine as well as one where it ran before: installs Debian's
# `postgresql` package when missing, creates a cluster when there is none, starts it unless it is
# running, and creates the role and the database when missing (re-setting the role's password).
# Run it as root, or as a user with sudo. The server listens on 127.0.0.1 only (Debian's default).
#
# The database is created with UTF-8 encoding and the C.UTF-8 locale: PostgreSQL's lower() (the
# chat log's case-insensitive text search) folds non-ASCII letters only under a UTF-8 LC_CTYPE.
# The tests drop and re-create their tables: never point them at a database that matters.
set -euo pipefail

PG_ROLE="${OPENST_PG_ROLE:-openst}"
PG_PASSWORD="${OPENST_PG_PASSWORD:-openst}"
PG_DATABASE="${OPENST_PG_DATABASE:-openst_test}"

log() { echo "postgres.sh: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Runs a command as the cluster's superuser account (peer authentication on the local socket).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres -- "$@"; fi
}

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
  log "installing postgresql"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

# The first cluster (Debian's package creates 15/main on install; a machine may have removed it).
cluster="$(pg_lsclusters -h | head -n 1)"
if [ -z "$cluster" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  log "creating cluster $version/main"
  $SUDO pg_createcluster --encoding=UTF8 --locale=C.UTF-8 "$version" main >&2
  cluster="$(pg_lsclusters -h | head -n 1)"
fi
read -r version name port status _ <<<"$cluster"

if [ "$status" != "online" ]; then
  log "starting cluster $version/$name on port $port"
  # A server killed with the machine's last session may have left its pid file: pg_ctlcluster
  # (pg_ctl) sees that no such process runs and starts anyway.
  $SUDO pg_ctlcluster "$version" "$name" start >&2
fi

# pg_ctlcluster waits for the start; pg_isready makes sure connections are accepted.
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port" >&2

psql_admin() { as_postgres psql -p "$port" -X -v ON_ERROR_STOP=1 -qAt "$@"; }

# Names and the password come from this script's defaults or the caller's environment: psql's
# :'var' and format()'s %I / %L quote them either way. psql expands :'var' only in what it reads
# from stdin, not in -c commands.
if [ "$(echo "SELECT 1 FROM pg_roles WHERE rolname = :'role'" | psql_admin -v role="$PG_ROLE")" != "1" ]; then
  log "creating role $PG_ROLE"
  psql_admin -v role="$PG_ROLE" -v pw="$PG_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw') \gexec
SQL
else
  psql_admin -v role="$PG_ROLE" -v pw="$PG_PASSWORD" <<'SQL'
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'pw') \gexec
SQL
fi

if [ "$(echo "SELECT 1 FROM pg_database WHERE datname = :'db'" | psql_admin -v db="$PG_DATABASE")" != "1" ]; then
  log "creating database $PG_DATABASE"
  psql_admin -v db="$PG_DATABASE" -v role="$PG_ROLE" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0',
              :'db', :'role', 'UTF8', 'C.UTF-8', 'C.UTF-8') \gexec
SQL
fi

log "PostgreSQL $version/$name ready: database $PG_DATABASE, user $PG_ROLE, port $port"
printf 'export OPENST_TEST_PG_URL=%q\n' "jdbc:postgresql://127.0.0.1:$port/$PG_DATABASE"
printf 'export OPENST_TEST_PG_USER=%q\n' "$PG_ROLE"
printf 'export OPENST_TEST_PG_PASSWORD=%q\n' "$PG_PASSWORD"
