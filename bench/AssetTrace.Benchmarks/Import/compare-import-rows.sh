#!/usr/bin/env bash
# Imports the same fixture files (create, update, match, supersede, sanctions, suggestions) with one build of
# AssetTrace into a fresh SQLite file and a fresh PostgreSQL database, then dumps every table an import writes, instants
# and generated ids masked and rows sorted, to /tmp/import-rows-NAME/. Run it for two builds (each built first with
# `dotnet build src/AssetTrace`) and compare the folders with `diff -r`: the rows two versions of the writer leave.
# Usage: PG_URL=postgresql://USER:PASSWORD@HOST:PORT PG_CS='Host=…;Port=…;Username=…;Password=…' compare-import-rows.sh WORKTREE NAME
set -euo pipefail
tree=$1; name=$2; out=/tmp/import-rows-$name; rm -rf "$out"; mkdir -p "$out"
fx=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/tests/fixtures
tables="nodes edges node_versions edge_versions node_name_keys interchange_identifiers interchange_records merge_suggestions sanction_listings"
run_imports() {
  cd "$tree"
  for args in "bods $fx/bods/0.4/bods-package.json" "bods $fx/bods/0.4/indirect-ownership.json $fx/bods/0.4/levent.json $fx/bods/0.4/fermcat.json" \
      "bods $fx/bods/0.3/1-single-direct.json" "bods $fx/bods/0.3/2-single-update.json" "icij $fx/icij/current" "icij $fx/icij/older" \
      "ftm $fx/ftm/sample.ftm.json" "un-sanctions $fx/un/un-sample.xml" "bods $fx/bods/0.4/bods-package.json"; do
    dotnet run --no-build --project src/AssetTrace -- import $args >> "$out/import-$1.log" 2>&1 || echo "import $args exited $?" >> "$out/import-$1.log"
  done
}
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}(:[0-9]{2})?)?/TS/g; s/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g' | LC_ALL=C sort; }
# SQLite
export Storage__DataDirectory=$out/sqlite
run_imports sqlite
db=$(find "$out/sqlite" -name '*.db' | head -1)
for t in $tables; do sqlite3 -separator '|' "$db" "SELECT * FROM $t" | mask > "$out/sqlite-$t.txt"; done
unset Storage__DataDirectory
# PostgreSQL
pgdb=rowdiff_${name}_$$
psql "$PG_URL/postgres" -qc "CREATE DATABASE $pgdb"
export ConnectionStrings__Graph="$PG_CS;Database=$pgdb" Storage__DataDirectory=$out/pg-data
run_imports pg
for t in $tables; do psql "$PG_URL/$pgdb" -AtF '|' -c "SELECT * FROM $t" | mask > "$out/pg-$t.txt"; done
psql "$PG_URL/postgres" -qc "DROP DATABASE $pgdb WITH (FORCE)"
wc -l "$out"/*.txt | tail -20
