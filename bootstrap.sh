#!/bin/sh
# Sets Dunwise up on a fresh machine: a Node.js that runs TypeScript (>= 22.18; Node 24 is
# fetched from the npm registry into .tools/ when the system Node is older), then `npm ci`.
set -eu
cd "$(dirname "$0")"
need_major=22
need_minor=18
node_ok() {
  "$1" -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>$need_major||(a===$need_major&&b>=$need_minor)?0:1)" 2>/dev/null
}
if command -v node >/dev/null 2>&1 && node_ok node; then
  echo "bootstrap: using system Node $(node --version)"
elif [ -x .tools/node/node_modules/.bin/node ] && node_ok .tools/node/node_modules/.bin/node; then
  echo "bootstrap: using Node $(.tools/node/node_modules/.bin/node --version) from .tools/"
else
  echo "bootstrap: system Node is older than $need_major.$need_minor; fetching Node 24 from the npm registry into .tools/node"
  mkdir -p .tools/node
  npm install --prefix .tools/node --no-save --no-package-lock --loglevel=error node@24 >/dev/null
  echo "bootstrap: using Node $(.tools/node/node_modules/.bin/node --version)"
fi
PATH="$(pwd)/.tools/node/node_modules/.bin:$PATH"
export PATH
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: installing dependencies (npm ci)"
  npm ci --loglevel=error
fi
echo "bootstrap: ready"
