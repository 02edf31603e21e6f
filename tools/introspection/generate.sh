#!/usr/bin/env bash
# Prints the introspection queries that GraphQL clients send, with the graphql-js
# pinned in package.json / package-lock.json, into tests/fixtures/introspection/.
# The tests send them through /graphql at the default limits (issue #11).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dest="$(cd "$here/../.." && pwd)/tests/fixtures/introspection"

cd "$here"
npm ci --no-audit --no-fund
mkdir -p "$dest"

# What GraphiQL 3 sends to fill its documentation explorer: getIntrospectionQuery()
# with its defaults (descriptions, no other options).
node -e "process.stdout.write(require('graphql').getIntrospectionQuery())" >"$dest/graphiql.graphql"

# Also the schema's description and isOneOf, which GraphQL.NET 8.8.5 serves. It does not serve
# specifiedByURL, isRepeatable or deprecated input values (includeDeprecated on args) unless the
# schema opts in, so a query asking for those is refused as invalid, whatever its cost.
node -e "process.stdout.write(require('graphql').getIntrospectionQuery({
  descriptions: true, schemaDescription: true, oneOf: true }))" >"$dest/extended.graphql"

echo "graphql $(node -p "require('graphql/package.json').version")" >"$dest/VERSION.txt"
echo "Wrote:"
ls -l "$dest"
