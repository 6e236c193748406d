# Source me: puts the project-local Node 22 and pnpm first on PATH, installing them if missing.
_bulwark_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$_bulwark_root/scripts/bootstrap.sh" && export PATH="$_bulwark_root/.tools/node_modules/.bin:$PATH"
unset _bulwark_root
