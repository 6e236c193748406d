#!/usr/bin/env bash
# The whole test suite, from a fresh clone: local Node 22 + pnpm, install, typecheck, unit/e2e tests, examples.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
pnpm install --frozen-lockfile
pnpm typecheck
pnpm test
pnpm examples
