#!/usr/bin/env bash
# Refreshes the vendored GraphiQL IDE assets served at /graphiql/.
# Installs the exact versions pinned in package.json / package-lock.json and
# copies only the browser files the page needs (plus licences) into
# src/AssetTrace/wwwroot/graphiql/vendor/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dest="$repo/src/AssetTrace/wwwroot/graphiql/vendor"
nm="$here/node_modules"

cd "$here"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

# The graphiql 3 UMD bundle (graphiql.min.js) bundles graphql-js and its other
# dependencies; it only expects the globals React and ReactDOM.
files=(
  "graphiql/graphiql.min.js:graphiql.min.js"
  "graphiql/graphiql.min.css:graphiql.min.css"
  "react/umd/react.production.min.js:react.production.min.js"
  "react-dom/umd/react-dom.production.min.js:react-dom.production.min.js"
  "graphiql/LICENSE:LICENSE.graphiql.txt"
  "react/LICENSE:LICENSE.react.txt"
  "react-dom/LICENSE:LICENSE.react-dom.txt"
)

rm -rf "$dest"
mkdir -p "$dest"
for entry in "${files[@]}"; do
  cp "$nm/${entry%%:*}" "$dest/${entry##*:}"
done

version() { node -p "require('$nm/$1/package.json').version"; }
{
  echo "Vendored by tools/graphiql/vendor.sh from npm; do not edit by hand."
  for pkg in graphiql react react-dom; do
    echo "$pkg $(version "$pkg")"
  done
} > "$dest/VERSIONS.txt"

echo "Vendored into $dest:"
ls -l "$dest"
