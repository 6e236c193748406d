#!/usr/bin/env bash
# Installs (local Node 22 + pnpm, dependencies) and runs the demo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
pnpm install --frozen-lockfile
pnpm demo
