#!/usr/bin/env bash
# Installs the S3 anchor (Emmett's SQLite event store) here, beside the bench, never into the
# root package.json. emmett-sqlite 0.42.4 declares a peer dependency on an @event-driven-io/emmett
# release the npm registry does not have, so the install needs --legacy-peer-deps, with core
# 0.42.0 and the peers it needs (sqlite3, async-retry, commander, uuid) listed in package.json.
# sqlite3 has no prebuilt binary reachable here and compiles from source (about two minutes).
#   --if-missing   do nothing when it is already installed and loads
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--if-missing" ]] && node -e "require('sqlite3'); require('@event-driven-io/emmett-sqlite')" 2>/dev/null; then
  exit 0
fi
echo "emmett anchor: npm install --legacy-peer-deps (@event-driven-io/emmett-sqlite@0.42.4 + @event-driven-io/emmett@0.42.0)"
npm install --legacy-peer-deps --no-audit --no-fund --no-package-lock
node -e "require('sqlite3'); require('@event-driven-io/emmett-sqlite')"
echo "emmett anchor: installed"
