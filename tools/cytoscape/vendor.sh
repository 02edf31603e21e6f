#!/usr/bin/env bash
# Refreshes the vendored cytoscape library the console's network view uses.
# Installs the exact version pinned in package.json / package-lock.json and
# copies only the browser build (plus its licence) into
# src/AssetTrace/wwwroot/console/vendor/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dest="$repo/src/AssetTrace/wwwroot/console/vendor"
nm="$here/node_modules"

cd "$here"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

# cytoscape.min.js is the UMD build: it has no dependencies and defines the global `cytoscape`.
files=(
  "cytoscape/dist/cytoscape.min.js:cytoscape.min.js"
  "cytoscape/LICENSE:LICENSE.cytoscape.txt"
)

rm -rf "$dest"
mkdir -p "$dest"
for entry in "${files[@]}"; do
  cp "$nm/${entry%%:*}" "$dest/${entry##*:}"
done

{
  echo "Vendored by tools/cytoscape/vendor.sh from npm; do not edit by hand."
  echo "cytoscape $(node -p "require('$nm/cytoscape/package.json').version")"
} > "$dest/VERSIONS.txt"

echo "Vendored into $dest:"
ls -l "$dest"
