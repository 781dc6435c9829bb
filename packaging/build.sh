#!/usr/bin/env bash
# Build the one-folder executable into dist/sendboard/ and prove it works.
#
#   PYTHON=.venv/bin/python packaging/build.sh
#
# $PYTHON (default python3) must have sendboard's dependencies and the `build` extra installed
# (`pip install -e ".[build]"`). After PyInstaller, the frozen app runs its self-test offscreen,
# builds a demo database, checks it and writes an invitation, a board pack and a spreadsheet from
# it (so bundled migrations, resources and lazily loaded libraries are exercised), and the bundle
# size is printed. Any failure exits non-zero. MAX_BUNDLE_MB (default 170) caps the size.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# Qt is about 80 MB of it; the PostgreSQL driver with its TLS libraries, lxml for Word files,
# the PDF renderer for printing and (on Linux) the keyring's cryptography are most of the rest.
MAX_BUNDLE_MB=${MAX_BUNDLE_MB:-170}
APP=dist/sendboard/sendboard

fail() {
  echo "build.sh: $*" >&2
  exit 1
}

echo "== PyInstaller"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build --distpath dist packaging/sendboard.spec
[ -x "$APP" ] || fail "$APP was not built"

work=$(mktemp -d "${TMPDIR:-/tmp}/sendboard-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The frozen app must not write into the user's real data folder.
export SENDBOARD_HOME="$work/home"
export QT_QPA_PLATFORM=offscreen

# Runs the frozen app, shows what it printed, and fails unless it exits 0 and prints `expected`.
run_frozen() {
  local expected=$1
  shift
  local out
  if ! out=$("$APP" "$@" 2>"$work/stderr"); then
    cat "$work/stderr" >&2
    fail "'sendboard $*' failed"
  fi
  printf '%s\n' "$out"
  grep -q -- "$expected" <<<"$out" || fail "'sendboard $*' did not print '$expected'"
}

echo "== Smoke test (frozen)"
run_frozen "sendboard [0-9.]*$" --version
run_frozen "self-test: ok" --self-test
run_frozen "Demo data (small) written to" demo --db "$work/demo.db" --size small
run_frozen "Integrity:  ok" check --db "$work/demo.db"
# Writing an invitation loads icalendar and the email package, which startup leaves out.
run_frozen "Calendar:" invite --db "$work/demo.db" --meeting next --out "$work/invite"
grep -q "BEGIN:VCALENDAR" "$work"/invite/*.ics || fail "the frozen app wrote no calendar file"
# A board pack (reportlab, pypdf, Pillow, the bundled fonts) and a spreadsheet (openpyxl).
run_frozen "" pack --db "$work/demo.db" --meeting next --out "$work/pack.pdf"
[ "$(head -c 5 "$work/pack.pdf")" = "%PDF-" ] || fail "the frozen app wrote no PDF pack"
run_frozen "" actions --db "$work/demo.db" export --out "$work/actions.xlsx"
[ -s "$work/actions.xlsx" ] || fail "the frozen app wrote no spreadsheet"
# A Word self-assessment (python-docx, its template and lxml).
run_frozen "" stocktake --db "$work/demo.db" --out "$work/self-assessment.docx"
[ "$(head -c 2 "$work/self-assessment.docx")" = "PK" ] || fail "the frozen app wrote no Word file"
# With a PostgreSQL server to hand (SENDBOARD_TEST_PG, as CI sets it), the frozen app copies the
# demo onto a new database there: the bundled driver, its libraries and the migrations on a server.
if [ -n "${SENDBOARD_TEST_PG:-}" ]; then
  name="sb_frozen_$$"
  server=$("$PYTHON" -c "from tests import pg_server as p
print(p.create(p.server_url(), '${name}').render_as_string(hide_password=False))")
  trap '"$PYTHON" -c "from tests import pg_server as p; p.drop(p.server_url(), \"${name}\")"; rm -rf "$work"' EXIT
  run_frozen "row counts and checksums match" database copy --db "$work/demo.db" --to "$server"
  run_frozen "Integrity:  reachable" check --db "$server"
fi

size=$(du -sm dist/sendboard | cut -f1)
echo "== Bundle: dist/sendboard/ is ${size} MB"
[ "$size" -le "$MAX_BUNDLE_MB" ] || fail "bundle is ${size} MB, over the ${MAX_BUNDLE_MB} MB limit"
echo "build.sh: ok"
