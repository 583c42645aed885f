# shellcheck shell=bash
# A throwaway PostgreSQL server for the storage tests. Source this file, then:
#   postgres_start   installs PostgreSQL from the distribution when missing, starts a server on 127.0.0.1 at a free
#                    port in a temporary directory, and exports IMAGERULES_POSTGRES (a connection string)
#   postgres_stop    stops that server and removes its directory (safe to call twice; use it in `trap ... EXIT`)
# The server runs as the `postgres` user because PostgreSQL refuses to run as root.

postgres_bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$found" ]] && command -v pg_ctl >/dev/null; then
        found=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    fi
    echo "$found"
}

postgres_install() {
    if [[ -n "$(postgres_bin_dir)" ]]; then
        return 0
    fi
    echo "== installing PostgreSQL from the distribution's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
}

postgres_free_port() {
    python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# Runs a command as the server's user (root cannot run PostgreSQL); as anyone else, runs it directly.
postgres_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

postgres_start() {
    postgres_install
    local bin
    bin=$(postgres_bin_dir)
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi

    POSTGRES_DIR=$(mktemp -d /tmp/imagerules-pg.XXXXXX)
    chmod 755 "$POSTGRES_DIR"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$POSTGRES_DIR"
    POSTGRES_PORT=$(postgres_free_port)
    export POSTGRES_DIR POSTGRES_PORT

    echo "== starting a throwaway PostgreSQL ($bin) on 127.0.0.1:$POSTGRES_PORT"
    postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 \
        || postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres -A trust -E UTF8 --locale=C >"$POSTGRES_DIR/initdb.log" 2>&1 \
        || { cat "$POSTGRES_DIR/initdb.log"; return 1; }
    # Tests make a schema (and so a small connection pool) per store: allow plenty of connections. fsync stays on:
    # the tests check that acknowledged writes survive.
    postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$POSTGRES_PORT -c unix_socket_directories=$POSTGRES_DIR -c max_connections=300" \
        start >/dev/null || { cat "$POSTGRES_DIR/server.log"; return 1; }

    export IMAGERULES_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
    echo "== IMAGERULES_POSTGRES=$IMAGERULES_POSTGRES"
}

postgres_stop() {
    if [[ -z "${POSTGRES_DIR:-}" || ! -d "$POSTGRES_DIR" ]]; then
        return 0
    fi
    local bin
    bin=$(postgres_bin_dir)
    postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_DIR"
    unset POSTGRES_DIR POSTGRES_PORT IMAGERULES_POSTGRES
}
