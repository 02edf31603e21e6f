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
#        ./test.sh --servers-only   start the servers and print their variables
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
#   ASSETTRACE_TEST_CHROMIUM  Debian's Chromium, for the Playwright browser tests
#   ASSETTRACE_TEST_SMTP      Postfix, host:port, STARTTLS and SASL (ASSETTRACE_TEST_SMTPS: TLS on connect)
#   ASSETTRACE_TEST_IMAP      Dovecot IMAP (with IDLE), host:port, plain or STARTTLS
#   ASSETTRACE_TEST_MAIL_DESK, ASSETTRACE_TEST_MAIL_PARTNER, ASSETTRACE_TEST_MAIL_PASSWORD
#                             the two mailboxes and their (shared) password
#   ASSETTRACE_TEST_MAIL_CERT the servers' self-signed certificate (PEM) to trust
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

# Postfix + Dovecot (mail tests); openssl makes their certificate.
require_mail() {
	[[ -x /usr/sbin/postfix ]] || MISSING+=(postfix)
	[[ -x /usr/sbin/dovecot && -e /usr/lib/dovecot/imap && -e /usr/lib/dovecot/lmtp ]] ||
		MISSING+=(dovecot-imapd dovecot-lmtpd)
	command -v openssl >/dev/null || MISSING+=(openssl)
}

# Fonts for the request letters' PDFs: DejaVu for Latin, Cyrillic and Arabic,
# WenQuanYi Micro Hei for Chinese; fontconfig lets SkiaSharp find them.
require_fonts() {
	[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || MISSING+=(fonts-dejavu-core)
	[[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || MISSING+=(fonts-wqy-microhei)
	command -v fc-list >/dev/null || MISSING+=(fontconfig)
}

# Chromium for the browser tests (tests/*/Browser/): Playwright drives Debian's
# build through CHROMIUM_PATH and never downloads a browser of its own.
CHROMIUM_PATH=/usr/bin/chromium
require_chromium() {
	[[ -x "$CHROMIUM_PATH" ]] || MISSING+=(chromium)
}

# docker-compose checks docker-compose.yml (`config`, no Docker daemon needed)
# for the test that starts two servers with the file's own settings.
require_compose() {
	command -v docker-compose >/dev/null || MISSING+=(docker-compose)
}

# apt_get_waiting ARGS: apt-get that waits for another apt or dpkg run (an
# unattended upgrade, a second terminal) instead of failing on its lock.
# DPkg::Lock::Timeout covers dpkg's lock; the package lists' lock of
# `apt-get update` is not covered by it, so a failure that names a lock is
# retried for up to ten minutes.
APT_LOCK_WAIT=600
apt_get_waiting() {
	local waited=0 out
	while :; do
		if out=$(apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" "$@" 2>&1); then
			printf '%s\n' "$out"
			return 0
		fi
		printf '%s\n' "$out"
		grep -q 'Could not get lock\|Unable to acquire\|is held by process' <<<"$out" || return 1
		((waited >= APT_LOCK_WAIT)) && return 1
		echo "apt is busy in another process; waiting for its lock"
		sleep 5
		waited=$((waited + 5))
	done
}

install_missing_packages() {
	require_postgres
	require_redis
	require_mail
	require_fonts
	require_chromium
	require_compose
	# The small benchmark run compares shortest paths with python3-igraph, under Debian's python3.
	[[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import igraph' 2>/dev/null || MISSING+=(python3 python3-igraph)
	((${#MISSING[@]} == 0)) && return 0

	if ((EUID != 0)); then
		die "missing packages: ${MISSING[*]} (run as root, or install them with apt-get)"
	fi
	log "installing ${MISSING[*]}"
	# apt's progress output is long; it is shown only when something fails.
	local apt_log
	make_temp_dir apt_log assettrace-apt
	apt_log="$apt_log/apt.log"
	if ! { apt_get_waiting update &&
		DEBIAN_FRONTEND=noninteractive apt_get_waiting install -y --no-install-recommends "${MISSING[@]}"; } \
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
# Mail (Postfix + Dovecot) for the tests in */Mail/ (see docs/MAIL.md).
#
# Postfix takes SMTP on two loopback ports (STARTTLS, and TLS on connect)
# with SASL authentication through Dovecot, and hands every message for the
# two test domains to Dovecot over LMTP; Dovecot serves IMAP (with IDLE).
# Everything lives in one temporary directory; a self-signed certificate for
# "localhost" is made at start and its path exported for the tests to trust.
# Recipients are not checked at RCPT time, so mail to an unknown local user
# is accepted, refused by Dovecot's LMTP, and bounced by Postfix as a DSN;
# only an address without a dot in its domain (user@localhost) is refused
# at RCPT time, with a 5xx.
# ---------------------------------------------------------------------------
MAIL_DIR=""
MAIL_SMTP_PORT=""
MAIL_SMTPS_PORT=""
MAIL_IMAP_PORT=""
MAIL_LMTP_PORT=""
MAIL_PASSWORD="assettrace-mail-test"
MAIL_DESK="desk@assettrace.test"
MAIL_PARTNER="partner@carin.example.test"

start_mail() {
	if ((EUID != 0)); then
		# Postfix's master process must start as root.
		log "not root: Postfix and Dovecot are not started, so the mail tests will fail"
		return 0
	fi
	make_temp_dir MAIL_DIR assettrace-mail /tmp
	find_free_port MAIL_SMTP_PORT
	find_free_port MAIL_SMTPS_PORT
	find_free_port MAIL_IMAP_PORT
	find_free_port MAIL_LMTP_PORT
	mkdir -p "$MAIL_DIR/postfix" "$MAIL_DIR/queue" "$MAIL_DIR/data" "$MAIL_DIR/dovecot" "$MAIL_DIR/mail"

	# Dovecot refuses to store mail as uid 0, so mail belongs to a system
	# user made for it; Postfix's own state must belong to its user.
	local mail_user=assettrace-mail mail_uid mail_gid
	id "$mail_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$mail_user"
	mail_uid="$(id -u "$mail_user")"
	mail_gid="$(id -g "$mail_user")"
	chmod 755 "$MAIL_DIR"
	chown "$mail_uid:$mail_gid" "$MAIL_DIR/mail"
	chown postfix: "$MAIL_DIR/data"

	if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
		-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
		-keyout "$MAIL_DIR/tls.key" -out "$MAIL_DIR/tls.crt" >"$MAIL_DIR/openssl.log" 2>&1; then
		print_log "$MAIL_DIR/openssl.log"
		die "could not make the mail servers' certificate"
	fi
	chmod 644 "$MAIL_DIR/tls.crt" "$MAIL_DIR/tls.key"

	local user password_hash
	password_hash="{PLAIN}$MAIL_PASSWORD"
	: >"$MAIL_DIR/dovecot/users"
	for user in "$MAIL_DESK" "$MAIL_PARTNER"; do
		printf '%s:%s:%s:%s::%s\n' "$user" "$password_hash" "$mail_uid" "$mail_gid" \
			"$MAIL_DIR/mail/$user" >>"$MAIL_DIR/dovecot/users"
	done

	# One setting a line: Dovecot's parser does not take several on one line.
	cat >"$MAIL_DIR/dovecot/dovecot.conf" <<-EOF
		protocols = imap lmtp
		listen = 127.0.0.1
		base_dir = $MAIL_DIR/dovecot/run
		state_dir = $MAIL_DIR/dovecot/state
		instance_name = assettrace-test-$MAIL_IMAP_PORT
		log_path = $MAIL_DIR/dovecot/dovecot.log
		ssl = yes
		ssl_cert = <$MAIL_DIR/tls.crt
		ssl_key = <$MAIL_DIR/tls.key
		disable_plaintext_auth = no
		auth_mechanisms = plain login
		recipient_delimiter = +
		lmtp_save_to_detail_mailbox = no
		mail_location = maildir:~/Maildir
		mail_uid = $mail_uid
		mail_gid = $mail_gid
		first_valid_uid = $mail_uid
		last_valid_uid = $mail_uid
		passdb {
		  driver = passwd-file
		  args = $MAIL_DIR/dovecot/users
		}
		userdb {
		  driver = passwd-file
		  args = $MAIL_DIR/dovecot/users
		}
		service imap-login {
		  inet_listener imap {
		    address = 127.0.0.1
		    port = $MAIL_IMAP_PORT
		  }
		  inet_listener imaps {
		    port = 0
		  }
		}
		service lmtp {
		  inet_listener lmtp {
		    address = 127.0.0.1
		    port = $MAIL_LMTP_PORT
		  }
		}
		service auth {
		  unix_listener $MAIL_DIR/dovecot/auth-postfix {
		    mode = 0666
		  }
		}
		protocol imap {
		  mail_max_userip_connections = 50
		}
	EOF

	# A minimal main.cf; every path is in the temporary directory, and every
	# service runs outside a chroot so that those paths resolve.
	cp /etc/postfix/master.cf "$MAIL_DIR/postfix/master.cf"
	cat >"$MAIL_DIR/postfix/main.cf" <<-EOF
		compatibility_level = 3.6
		queue_directory = $MAIL_DIR/queue
		data_directory = $MAIL_DIR/data
		mail_owner = postfix
		setgid_group = postdrop
		maillog_file = $MAIL_DIR/postfix.log
		maillog_file_prefixes = $MAIL_DIR
		myhostname = mail.assettrace.test
		mydomain = assettrace.test
		myorigin = \$mydomain
		mydestination =
		mynetworks = 127.0.0.1/32
		inet_interfaces = 127.0.0.1
		inet_protocols = ipv4
		alias_maps =
		alias_database =
		biff = no
		smtputf8_enable = no
		recipient_delimiter = +
		virtual_mailbox_domains = assettrace.test carin.example.test
		virtual_mailbox_maps = static:ok
		virtual_transport = lmtp:inet:127.0.0.1:$MAIL_LMTP_PORT
		default_transport = error:this test server delivers only to its own domains
		relay_transport = error:this test server delivers only to its own domains
		smtpd_sasl_auth_enable = yes
		smtpd_sasl_type = dovecot
		smtpd_sasl_path = $MAIL_DIR/dovecot/auth-postfix
		smtpd_tls_cert_file = $MAIL_DIR/tls.crt
		smtpd_tls_key_file = $MAIL_DIR/tls.key
		smtpd_tls_security_level = may
		smtpd_tls_auth_only = yes
		smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
		smtpd_recipient_restrictions = reject_non_fqdn_recipient, permit_sasl_authenticated, reject_unauth_destination
		delay_warning_time = 0
		queue_run_delay = 10s
		minimal_backoff_time = 10s
		maximal_backoff_time = 60s
	EOF
	postconf -c "$MAIL_DIR/postfix" -X -M smtp/inet submission/inet smtps/inet >/dev/null 2>&1 || true
	postconf -c "$MAIL_DIR/postfix" -M \
		"127.0.0.1:$MAIL_SMTP_PORT/inet=127.0.0.1:$MAIL_SMTP_PORT inet n - n - - smtpd" \
		"127.0.0.1:$MAIL_SMTPS_PORT/inet=127.0.0.1:$MAIL_SMTPS_PORT inet n - n - - smtpd -o smtpd_tls_wrappermode=yes"
	postconf -c "$MAIL_DIR/postfix" -F '*/*/chroot = n'

	log "starting Dovecot $(dovecot --version | awk '{print $1}') (IMAP on 127.0.0.1:$MAIL_IMAP_PORT)"
	if ! dovecot -c "$MAIL_DIR/dovecot/dovecot.conf" >"$MAIL_DIR/dovecot/start.log" 2>&1 ||
		! wait_until "Dovecot" port_open "$MAIL_IMAP_PORT"; then
		print_log "$MAIL_DIR/dovecot/start.log"
		print_log "$MAIL_DIR/dovecot/dovecot.log"
		die "Dovecot did not start"
	fi
	log "starting Postfix $(postconf -h mail_version) (SMTP on 127.0.0.1:$MAIL_SMTP_PORT, SMTPS on 127.0.0.1:$MAIL_SMTPS_PORT)"
	if ! postfix -c "$MAIL_DIR/postfix" start >"$MAIL_DIR/postfix-start.log" 2>&1 ||
		! wait_until "Postfix" port_open "$MAIL_SMTP_PORT"; then
		print_log "$MAIL_DIR/postfix-start.log"
		print_log "$MAIL_DIR/postfix.log"
		die "Postfix did not start"
	fi
}

port_open() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_mail() {
	[[ -n "$MAIL_DIR" ]] || return 0
	if [[ -f "$MAIL_DIR/queue/pid/master.pid" ]]; then
		postfix -c "$MAIL_DIR/postfix" stop >/dev/null 2>&1 || true
	fi
	if [[ -f "$MAIL_DIR/dovecot/run/master.pid" ]]; then
		doveadm -c "$MAIL_DIR/dovecot/dovecot.conf" stop >/dev/null 2>&1 ||
			kill -TERM "$(cat "$MAIL_DIR/dovecot/run/master.pid")" >/dev/null 2>&1 || true
	fi
	MAIL_DIR=""
}

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
	export ASSETTRACE_TEST_CHROMIUM="$CHROMIUM_PATH"
	log "ASSETTRACE_TEST_POSTGRES=$ASSETTRACE_TEST_POSTGRES"
	log "ASSETTRACE_TEST_REDIS=$ASSETTRACE_TEST_REDIS"
	export ASSETTRACE_TEST_SMTP="127.0.0.1:$MAIL_SMTP_PORT"
	export ASSETTRACE_TEST_SMTPS="127.0.0.1:$MAIL_SMTPS_PORT"
	export ASSETTRACE_TEST_IMAP="127.0.0.1:$MAIL_IMAP_PORT"
	export ASSETTRACE_TEST_MAIL_DESK="$MAIL_DESK"
	export ASSETTRACE_TEST_MAIL_PARTNER="$MAIL_PARTNER"
	export ASSETTRACE_TEST_MAIL_PASSWORD="$MAIL_PASSWORD"
	export ASSETTRACE_TEST_MAIL_CERT="$MAIL_DIR/tls.crt"
	log "ASSETTRACE_TEST_SMTP=$ASSETTRACE_TEST_SMTP (STARTTLS) ASSETTRACE_TEST_SMTPS=$ASSETTRACE_TEST_SMTPS ASSETTRACE_TEST_IMAP=$ASSETTRACE_TEST_IMAP"
}

# ./test.sh --servers-only: starts the servers, prints their variables as
# `export` lines and keeps them up until interrupted, for running tests by hand.
serve_only() {
	install_missing_packages
	start_postgres
	start_redis
	start_mail
	export_test_environment >/dev/null
	local name
	for name in ${!ASSETTRACE_TEST_@}; do
		printf "export %s='%s'\n" "$name" "${!name}"
	done
	log "servers are up; interrupt (Ctrl-C or SIGTERM) to stop them"
	while :; do
		sleep 3600 &
		wait $! || true
	done
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
	if [[ "${1:-}" == --servers-only ]]; then
		serve_only
		return
	fi
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
