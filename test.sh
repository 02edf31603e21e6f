#!/usr/bin/env bash
# Runs every AssetTrace test: installs and starts the servers the tests need
# (PostgreSQL, Redis) on free loopback ports, runs `dotnet test` on the
# solution, and prints the totals as the last line:
#
#     N passed, N failed[, N skipped]
#
# Exits 0 only when the run succeeded and nothing failed.
#
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category=Graph]
#
# Environment:
#   ASSETTRACE_SOLUTION      solution or project to test (default AssetTrace.sln,
#                            or AssetTrace.slnx when there is no .sln)
#   ASSETTRACE_TEST_RESULTS  keep the .trx files, in a new run.* directory under
#                            this one, instead of a temporary directory that is
#                            removed at exit
#
# Exported to the tests:
#   ASSETTRACE_TEST_POSTGRES  Npgsql connection string of a superuser that may
#                             CREATE DATABASE (database "postgres")
#   ASSETTRACE_TEST_REDIS     StackExchange.Redis endpoint, host:port
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# CI may start this with standard input closed. A server started then can
# be handed fd 0 for one of its own files (Redis crashes on that), so fd 0
# is reopened on /dev/null.
{ true <&0; } 2>/dev/null || exec </dev/null

SOLUTION="${ASSETTRACE_SOLUTION:-AssetTrace.sln}"
# `dotnet new sln` writes the XML .slnx format since .NET 10; accept either.
if [[ -z "${ASSETTRACE_SOLUTION:-}" && ! -e "$SOLUTION" && -e AssetTrace.slnx ]]; then
	SOLUTION=AssetTrace.slnx
fi
STARTUP_TIMEOUT=30 # seconds each server gets to accept connections
PG_PASSWORD="assettrace-test"

# Keep the .NET CLI quiet and free of first-run work.
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE="${DOTNET_SKIP_FIRST_TIME_EXPERIENCE:-1}"

# State read by cleanup(); empty means "nothing to undo".
TEMP_DIRS=()
RESERVED_PORTS=()
DOTNET_PID=""
PG_BIN=""
PG_DIR=""
REDIS_DIR=""

log() { printf '[test.sh] %s\n' "$*"; }
die() {
	printf '[test.sh] error: %s\n' "$*" >&2
	exit 1
}

# ---------------------------------------------------------------------------
# Packages
#
# Each require_* function appends the Debian packages it needs to MISSING.
# To add a dependency, write a require_* function and call it from
# install_missing_packages.
# ---------------------------------------------------------------------------
MISSING=()

find_pg_bin() {
	# The newest installed server, e.g. /usr/lib/postgresql/15/bin.
	local ctl
	ctl="$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)"
	if [[ -x "$ctl" ]]; then
		dirname "$ctl"
	fi
}

require_postgres() {
	[[ -n "$(find_pg_bin)" ]] || MISSING+=(postgresql)
}

require_redis() {
	command -v redis-server >/dev/null && command -v redis-cli >/dev/null ||
		MISSING+=(redis-server)
}

# Postfix + Dovecot (mail tests): not needed yet. When they are, check for
# /usr/sbin/postfix and /usr/sbin/dovecot here and append
# "postfix dovecot-imapd" to MISSING; start_mail/stop_mail below start them.
require_mail() { :; }

# Chromium (browser tests): not needed yet.
# When it is: check for /usr/bin/chromium and /usr/bin/chromedriver here and
# append "chromium chromium-driver" to MISSING, then export their paths in
# export_test_environment.
require_chromium() { :; }

install_missing_packages() {
	require_postgres
	require_redis
	require_mail
	require_chromium
	((${#MISSING[@]} == 0)) && return 0

	if ((EUID != 0)); then
		die "missing packages: ${MISSING[*]} (run as root, or install them with apt-get)"
	fi
	log "installing ${MISSING[*]}"
	# apt's progress output is long; it is shown only when something fails.
	local apt_log
	make_temp_dir apt_log assettrace-apt
	apt_log="$apt_log/apt.log"
	if ! { apt-get update &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING[@]}"; } \
		>"$apt_log" 2>&1; then
		print_log "$apt_log"
		die "could not install ${MISSING[*]}"
	fi
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# find_free_port VAR: stores a loopback port nobody listens on in VAR.
# Picked at random below the kernel's ephemeral range (32768+) so outgoing
# connections are unlikely to take it, and never one handed out earlier in
# this run (the servers are not listening yet when the next port is picked).
find_free_port() {
	local port tries
	for ((tries = 0; tries < 500; tries++)); do
		port=$((20000 + RANDOM % 12000))
		[[ " ${RESERVED_PORTS[*]} " == *" $port "* ]] && continue
		# A refused connection means the port is free.
		if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			RESERVED_PORTS+=("$port")
			printf -v "$1" '%s' "$port"
			return 0
		fi
	done
	die "no free TCP port found on 127.0.0.1"
}

# wait_until DESCRIPTION COMMAND...: retries COMMAND until it succeeds or
# STARTUP_TIMEOUT seconds have passed.
wait_until() {
	local what="$1" deadline=$((SECONDS + STARTUP_TIMEOUT))
	shift
	until "$@" >/dev/null 2>&1; do
		((SECONDS < deadline)) || {
			printf '[test.sh] %s did not come up within %ss\n' "$what" "$STARTUP_TIMEOUT" >&2
			return 1
		}
		sleep 0.2
	done
}

make_temp_dir() { # make_temp_dir VAR PREFIX [PARENT]
	local dir
	dir="$(mktemp -d "${3:-${TMPDIR:-/tmp}}/$2.XXXXXX")"
	TEMP_DIRS+=("$dir")
	printf -v "$1" '%s' "$dir"
}

print_log() { # print_log FILE: shows a server's log after it failed to start
	printf '[test.sh] ----- %s -----\n' "$1" >&2
	cat "$1" >&2 2>/dev/null || true
	printf '[test.sh] ----- end of log -----\n' >&2
}

# PostgreSQL refuses to run as root, so as root its commands run as the
# postgres user; anyone else runs them as themselves.
as_postgres() {
	if ((EUID == 0)); then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
PG_PORT=""

start_postgres() {
	PG_BIN="$(find_pg_bin)"
	[[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
	# Under /tmp rather than $TMPDIR: the postgres user must be able to reach
	# it, and a TMPDIR inside root's home would not let it.
	make_temp_dir PG_DIR assettrace-pg /tmp
	if ((EUID == 0)); then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres: "$PG_DIR"
	fi
	find_free_port PG_PORT

	printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
	((EUID == 0)) && chown postgres: "$PG_DIR/pwfile"
	# TCP connections use the password, like a real deployment; the Unix
	# socket (inside the temp dir, so only we reach it) is trusted.
	if ! as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres \
		--pwfile="$PG_DIR/pwfile" --auth-host=scram-sha-256 --auth-local=trust \
		--encoding=UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1; then
		print_log "$PG_DIR/initdb.log"
		die "initdb failed"
	fi

	# The data is thrown away after the run, so durability is traded for
	# speed. max_connections is raised because test assemblies run in
	# parallel, each with its own connection pool.
	cat >>"$PG_DIR/data/postgresql.conf" <<-EOF
		listen_addresses = '127.0.0.1'
		port = $PG_PORT
		unix_socket_directories = '$PG_DIR'
		max_connections = 300
		fsync = off
		synchronous_commit = off
		full_page_writes = off
	EOF

	log "starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
	if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" \
		-w -t "$STARTUP_TIMEOUT" start </dev/null >/dev/null 2>&1 ||
		! wait_until "PostgreSQL" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; then
		print_log "$PG_DIR/postgres.log"
		die "PostgreSQL did not start"
	fi
}

stop_postgres() {
	[[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]] || return 0
	# Immediate mode: the data is discarded anyway.
	as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
		kill -KILL "$(head -n 1 "$PG_DIR/data/postmaster.pid")" >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------
REDIS_PORT=""

start_redis() {
	make_temp_dir REDIS_DIR assettrace-redis
	find_free_port REDIS_PORT

	log "starting Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT"
	# No persistence: nothing is kept between runs.
	if ! redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" \
		--save "" --appendonly no \
		--daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
		</dev/null >>"$REDIS_DIR/redis.log" 2>&1 ||
		! wait_until "Redis" redis_ready; then
		print_log "$REDIS_DIR/redis.log"
		die "Redis did not start"
	fi
}

redis_ready() {
	[[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

stop_redis() {
	[[ -n "$REDIS_DIR" && -f "$REDIS_DIR/redis.pid" ]] || return 0
	local pid i
	pid="$(cat "$REDIS_DIR/redis.pid" 2>/dev/null)" || return 0
	[[ -n "$pid" ]] || return 0
	# The pid file goes first, so a second call cannot signal a reused pid.
	rm -f "$REDIS_DIR/redis.pid"
	kill -TERM "$pid" >/dev/null 2>&1 || return 0
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" >/dev/null 2>&1 || return 0
		sleep 0.1
	done
	kill -KILL "$pid" >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------------------
# Mail (Postfix + Dovecot): not needed yet.
#
# When it is: start both on free loopback ports in a temporary directory, as
# start_redis does, wait until they answer, and export their endpoints in
# export_test_environment; stop_mail stops them quietly and must be safe to
# call twice or before start_mail.
# ---------------------------------------------------------------------------
start_mail() { :; }
stop_mail() { :; }

# ---------------------------------------------------------------------------
# Cleanup: runs on every exit. It prints nothing, so the totals stay the
# last line of output.
# ---------------------------------------------------------------------------
CLEANED_UP=0

cleanup() {
	((CLEANED_UP)) && return 0
	CLEANED_UP=1
	stop_tests
	stop_mail
	stop_redis
	stop_postgres
	local dir
	for dir in "${TEMP_DIRS[@]}"; do
		rm -rf "$dir" >/dev/null 2>&1 || true
	done
}

trap cleanup EXIT
# On a signal, exit (which runs cleanup through the EXIT trap) with the
# conventional 128+signal status.
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

export_test_environment() {
	export ASSETTRACE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres"
	export ASSETTRACE_TEST_REDIS="127.0.0.1:$REDIS_PORT"
	log "ASSETTRACE_TEST_POSTGRES=$ASSETTRACE_TEST_POSTGRES"
	log "ASSETTRACE_TEST_REDIS=$ASSETTRACE_TEST_REDIS"
}

# Sums the <Counters .../> of every .trx file under $1 and prints
# "total executed passed failed notExecuted". Outcomes that are failures in
# all but name (error, timeout, aborted) count as failed.
sum_trx_counters() {
	find "$1" -name '*.trx' -type f -exec cat {} + 2>/dev/null | awk '
		function counter(name) {
			if (match($0, " " name "=\"[0-9]+\""))
				return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
			return 0
		}
		/<Counters / {
			total += counter("total")
			executed += counter("executed")
			passed += counter("passed")
			failed += counter("failed") + counter("error") + counter("timeout") + counter("aborted")
			not_executed += counter("notExecuted")
		}
		END { printf "%d %d %d %d %d\n", total, executed, passed, failed, not_executed }
	'
}

# run_tests RESULTS_DIR [dotnet test args...]: returns dotnet test's status.
# dotnet test runs in the background, in its own process group, and is
# waited for: bash runs a trap only once the foreground command has ended,
# so this lets a signal stop the run (stop_tests) at once, with the test
# hosts and build nodes it started.
run_tests() {
	local results="$1" status=0
	shift
	log "dotnet test $SOLUTION $*"
	set -m
	dotnet test "$SOLUTION" \
		--logger "trx" \
		--logger "console;verbosity=normal" \
		--results-directory "$results" \
		"$@" &
	DOTNET_PID=$!
	set +m
	wait "$DOTNET_PID" || status=$?
	DOTNET_PID=""
	return "$status"
}

stop_tests() {
	[[ -n "$DOTNET_PID" ]] || return 0
	local i
	kill -TERM -- "-$DOTNET_PID" >/dev/null 2>&1 || return 0
	for ((i = 0; i < 50; i++)); do
		kill -0 -- "-$DOTNET_PID" >/dev/null 2>&1 || return 0
		sleep 0.1
	done
	kill -KILL -- "-$DOTNET_PID" >/dev/null 2>&1 || true
}

main() {
	[[ -e "$SOLUTION" ]] || die "$SOLUTION not found in $(pwd)"

	install_missing_packages
	start_postgres
	start_redis
	start_mail
	export_test_environment

	# A new directory each run, so only this run's .trx files are counted.
	local results
	if [[ -n "${ASSETTRACE_TEST_RESULTS:-}" ]]; then
		mkdir -p "$ASSETTRACE_TEST_RESULTS"
		results="$(mktemp -d "$ASSETTRACE_TEST_RESULTS/run.XXXXXX")"
	else
		make_temp_dir results assettrace-results
	fi

	local status=0
	run_tests "$results" "$@" || status=$?

	# Stop the servers now, before the totals, so that nothing they print
	# can follow the last line.
	stop_mail
	stop_redis
	stop_postgres

	local trx_count total executed passed failed not_executed skipped
	trx_count="$(find "$results" -name '*.trx' -type f | wc -l)"
	if ((trx_count == 0)); then
		echo
		log "dotnet test produced no results (exit code $status): the build or the test run failed before any test ran; see the output above."
		echo "0 passed, 1 failed"
		return 1
	fi

	read -r total executed passed failed not_executed < <(sum_trx_counters "$results")
	skipped=$((total - executed))
	((not_executed > skipped)) && skipped=$not_executed

	if ((status != 0 && failed == 0)); then
		# E.g. one project did not build, or a test host crashed: the run
		# failed although no test reported a failure. Count it, so the totals
		# never say "0 failed" for a failed run.
		echo
		log "dotnet test failed (exit code $status) without a failing test; see the output above. Counting it as 1 failed."
		failed=1
	fi

	echo
	if ((skipped > 0)); then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
	((status == 0 && failed == 0))
}

main "$@"
