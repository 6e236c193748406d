#!/usr/bin/env bash
# Installs what a fresh machine lacks, without touching the system: Node 22 (npm package `node@22`) and
# pnpm (npm package `pnpm`) go into ./.tools, which the caller puts first on PATH. Idempotent and quiet.
# Usage: source scripts/env.sh   (or: bash scripts/bootstrap.sh && export PATH="$PWD/.tools/node_modules/.bin:$PATH")
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$tools/node_modules/.bin/node" ] && [ -x "$tools/node_modules/.bin/pnpm" ] \
  && [ "$(node_major "$tools/node_modules/.bin/node")" -ge 22 ]; then
  exit 0
fi
mkdir -p "$tools"
echo "bootstrap: installing node@22 and pnpm@10 into $tools" >&2
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tools" node@22 pnpm@10.34 >&2
"$tools/node_modules/.bin/node" --version >&2
