# shellcheck shell=bash
# Shared setup for scripts/demo and scripts/test: Odoo 18.0, its Python
# environment, PostgreSQL, wkhtmltopdf and chromium.  Sourced, not executed.
#
# What is installed outside the clone (so a fresh clone on the same machine sets
# up again with no network and no ODOO_SRC) lives in $KENTRO_HOME:
#   $KENTRO_HOME/odoo   the Odoo 18.0 source tree
#   $KENTRO_HOME/venv   the Python virtual environment that runs it
#   $KENTRO_HOME/data   Odoo's data_dir (the databases' filestores) when the
#                       databases live on the machine's cluster or at PGHOST:
#                       the files stay with the databases they belong to,
#                       whichever clone made them
# What is created inside the clone lives in .kentro/ (git-ignored), with the
# data_dir of a private cluster's databases (.kentro/data).

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KENTRO_HOME=${KENTRO_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/kentro}
ODOO_DIR="$KENTRO_HOME/odoo"
VENV="$KENTRO_HOME/venv"
STATE="$REPO_ROOT/.kentro"
ODOO_CONF="$STATE/odoo.conf"
DATA_DIR="$STATE/data"
ODOO_ARCHIVE_URL=${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
KENTRO_ADDONS="kentro_community,kentro_roma_annex,kentro_migrant_annex,kentro_mobile_unit"

mkdir -p "$STATE" "$KENTRO_HOME"

die() {
    printf 'kentro: %s\n' "$*" >&2
    exit 1
}

info() {
    printf 'kentro: %s\n' "$*"
}

is_odoo18_tree() {
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] \
        && grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

# Copy an Odoo 18.0 tree (a work tree or a bare git directory) into $ODOO_DIR.
install_odoo_from() {
    local src=$1 tmp
    tmp=$(mktemp -d "$KENTRO_HOME/odoo.new.XXXXXX")
    if [ -f "$src/odoo-bin" ]; then
        tar -C "$src" --exclude=.git -cf - . | tar -C "$tmp" -xf -
    elif git --git-dir="$src" rev-parse --verify -q HEAD >/dev/null 2>&1; then
        git --git-dir="$src" archive --format=tar HEAD | tar -C "$tmp" -xf -
    elif [ -f "$src" ]; then
        tar -C "$tmp" --strip-components=1 -xzf "$src"
    else
        rm -rf "$tmp"
        die "ODOO_SRC=$src is neither an Odoo source tree, a git directory nor a .tar.gz archive"
    fi
    is_odoo18_tree "$tmp" || { rm -rf "$tmp"; die "ODOO_SRC=$src is not an Odoo 18.0 source tree"; }
    rm -rf "$ODOO_DIR"
    mv "$tmp" "$ODOO_DIR"
    printf '%s\n' "$src" >"$ODOO_DIR/.kentro-origin"
}

ensure_odoo() {
    if [ -n "${ODOO_SRC:-}" ]; then
        if [ "$(cat "$ODOO_DIR/.kentro-origin" 2>/dev/null)" != "$ODOO_SRC" ] || ! is_odoo18_tree "$ODOO_DIR"; then
            info "installing Odoo 18.0 from $ODOO_SRC into $ODOO_DIR"
            install_odoo_from "$ODOO_SRC"
        fi
    elif ! is_odoo18_tree "$ODOO_DIR"; then
        info "no Odoo 18.0 in $ODOO_DIR and ODOO_SRC is unset: downloading $ODOO_ARCHIVE_URL"
        local archive="$KENTRO_HOME/odoo_18.0.tar.gz"
        curl -fsSL --retry 2 -o "$archive" "$ODOO_ARCHIVE_URL" \
            || die "cannot find or download Odoo 18.0: set ODOO_SRC to an Odoo 18.0 source tree (or its .tar.gz)"
        install_odoo_from "$archive"
    fi
    is_odoo18_tree "$ODOO_DIR" || die "Odoo 18.0 is not installed in $ODOO_DIR"
}

# Odoo's own requirements, adjusted for current setuptools, which has no
# pkg_resources: cbor2 5.4.2 no longer builds and Babel 2.10 imports it when
# extracting terms (newer releases of both work with Odoo 18). python-ldap is
# only for auth_ldap and needs system headers.
odoo_requirements() {
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' -e 's/^Babel==2\.10\.3/Babel==2.16.0/' \
        -e '/^python-ldap/d' "$ODOO_DIR/requirements.txt"
}

# pip, without the notes about local index folders that do not exist.
pip_quiet() {
    "$VENV/bin/python" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2)
}

ensure_python() {
    local stamp want python=${PYTHON:-python3}
    want=$( { odoo_requirements; cat "$REPO_ROOT/requirements.txt" "$REPO_ROOT/requirements-dev.txt"; \
        "$python" --version; } | sha256sum | cut -c1-16)
    stamp=$(cat "$VENV/.kentro-stamp" 2>/dev/null || true)
    if [ "$stamp" != "$want" ] || [ ! -x "$VENV/bin/python" ]; then
        info "preparing the Python environment in $VENV"
        [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV" || die "cannot create a virtualenv with $python"
        "$VENV/bin/python" -m pip install -q --upgrade pip wheel setuptools \
            || die "cannot upgrade pip in $VENV"
        odoo_requirements >"$KENTRO_HOME/odoo-requirements.txt"
        pip_quiet -r "$KENTRO_HOME/odoo-requirements.txt" \
            || die "cannot install Odoo's Python requirements (see pip's message above)"
        pip_quiet -r "$REPO_ROOT/requirements.txt" -r "$REPO_ROOT/requirements-dev.txt" \
            || die "cannot install Kentro's Python requirements (see pip's message above)"
        printf '%s\n' "$want" >"$VENV/.kentro-stamp"
    fi
    # Odoo runs from its source tree: a .pth file makes `import odoo` work in the venv.
    local site
    site=$("$VENV/bin/python" "$REPO_ROOT/scripts/venv-check.py" site-packages)
    printf '%s\n' "$ODOO_DIR" >"$site/kentro-odoo.pth"
    "$VENV/bin/python" "$REPO_ROOT/scripts/venv-check.py" odoo \
        || die "Odoo 18.0 does not import in $VENV"
    export PATH="$VENV/bin:$PATH"
}

apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        info "installing $* from the OS packages"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >"$STATE/apt.log" 2>&1; then
            apt-get update -qq >>"$STATE/apt.log" 2>&1 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$STATE/apt.log" 2>&1 || return 1
        fi
        return 0
    fi
    return 1
}

ensure_tools() {
    command -v wkhtmltopdf >/dev/null || apt_install wkhtmltopdf \
        || die "wkhtmltopdf is missing (PDF reports): install the wkhtmltopdf package"
    command -v pdftotext >/dev/null || apt_install poppler-utils \
        || die "pdftotext is missing (report tests read the PDFs): install poppler-utils"
    command -v chromium >/dev/null || command -v google-chrome >/dev/null || apt_install chromium \
        || die "chromium is missing (browser tours): install the chromium package"
    # Debian's wkhtmltopdf is built without a patched Qt and needs a platform.
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
}

# Run a command as the postgres OS user, without our libpq settings.
as_postgres() {
    (cd / && runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPORT -u PGDATABASE "$@")
}

# Which PostgreSQL: the one PGHOST/PGPORT/PGUSER name when it answers; else, as
# root on Debian, the packaged cluster; else a private cluster in .kentro/pg.
ensure_postgres() {
    if [ -n "${PGHOST:-}${PGPORT:-}" ] && pg_isready -q; then
        [ "${PGHOST:-}" = "$STATE/pg" ] || DATA_DIR="$KENTRO_HOME/data"
        info "PostgreSQL: using the server at ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)}"
        return
    fi
    if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null; then
        local version
        version=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}')
        [ -n "$version" ] || die "no PostgreSQL cluster is set up on this machine (pg_lsclusters lists none)"
        local cluster name
        cluster=$(pg_lsclusters -h | awk 'NR==1{print $1" "$2}')
        name=${cluster#* }
        pg_ctlcluster "$version" "$name" status >/dev/null 2>&1 || pg_ctlcluster "$version" "$name" start \
            || die "cannot start the PostgreSQL cluster $version/$name"
        unset PGHOST PGPORT
        local me
        me=${PGUSER:-$(id -un)}
        local i
        for i in $(seq 1 30); do pg_isready -q && break; sleep 1; done
        pg_isready -q || die "PostgreSQL cluster $version/$name does not answer"
        # A local development cluster: the role is a superuser so that Odoo can
        # make unaccent() immutable when it creates a database (see README for a
        # production role).
        local has_super
        has_super=$(as_postgres psql -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = '$me'")
        if [ "$has_super" != t ]; then
            if [ -z "$has_super" ]; then
                as_postgres psql -q -c "CREATE ROLE \"$me\" LOGIN SUPERUSER"
            else
                as_postgres psql -q -c "ALTER ROLE \"$me\" LOGIN SUPERUSER"
            fi || die "cannot create the PostgreSQL role $me"
        fi
        export PGUSER=$me
        DATA_DIR="$KENTRO_HOME/data"
        tune_postgres as_postgres
        info "PostgreSQL: using the Debian cluster $version/$name on the local socket as $me"
        return
    fi
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bindir" ] || command -v initdb >/dev/null || die "PostgreSQL is not installed and no server answers at PGHOST/PGPORT"
    local pgdata="$STATE/pg/data" sock="$STATE/pg"
    mkdir -p "$sock"
    [ -f "$pgdata/PG_VERSION" ] || "${bindir:+$bindir/}initdb" -D "$pgdata" -A trust -U "$(id -un)" >"$STATE/pg/initdb.log" \
        || die "cannot create a private PostgreSQL cluster in $pgdata"
    export PGHOST="$sock" PGPORT=${KENTRO_PGPORT:-54329} PGUSER=$(id -un)
    pg_isready -q || "${bindir:+$bindir/}pg_ctl" -D "$pgdata" -l "$STATE/pg/server.log" -w \
        -o "-k $sock -p $PGPORT -c listen_addresses=''" start >/dev/null \
        || die "cannot start the private PostgreSQL cluster (see $STATE/pg/server.log)"
    tune_postgres
    info "PostgreSQL: using a private cluster in $pgdata (socket $sock, port $PGPORT)"
}

# The planner's cost of a random page read, for the SSDs and page cache a
# server has today instead of spinning disks (PostgreSQL's default, 4, makes
# it scan a whole table rather than use a trigram index: README, Deployment).
# Only on a cluster these scripts run; a server of PGHOST is its admin's.
tune_postgres() {
    local run=("$@")
    if [ "$("${run[@]}" psql -d postgres -tAc 'SHOW random_page_cost')" != "1.1" ]; then
        "${run[@]}" psql -d postgres -q -c "ALTER SYSTEM SET random_page_cost = 1.1" \
            -c "SELECT pg_reload_conf()" >/dev/null || die "cannot set random_page_cost"
    fi
}

write_odoo_conf() {
    # A clone set up before the filestores moved beside their databases
    # hands over those it has that are not there yet.
    if [ "$DATA_DIR" != "$STATE/data" ] && [ -d "$STATE/data/filestore" ]; then
        mkdir -p "$DATA_DIR/filestore"
        local store
        for store in "$STATE/data/filestore"/*; do
            if [ -d "$store" ] && [ ! -e "$DATA_DIR/filestore/${store##*/}" ]; then
                mv "$store" "$DATA_DIR/filestore/"
            fi
        done
    fi
    cat >"$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$REPO_ROOT
data_dir = $DATA_DIR
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = ${PGUSER:-False}
db_password = ${PGPASSWORD:-False}
list_db = True
unaccent = True
CONF
}

odoo_bin() {
    "$VENV/bin/python" "$ODOO_DIR/odoo-bin" -c "$ODOO_CONF" "$@"
}

setup_all() {
    ensure_odoo
    ensure_python
    ensure_tools
    ensure_postgres
    write_odoo_conf
}
