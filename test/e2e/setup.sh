#!/usr/bin/env bash
# Installs what the end-to-end tests need to run Ballast in a real VS Code:
#  - Debian's chromium (driven by playwright-core, which never downloads a browser of its own),
#    ripgrep (VS Code's file search) and libkrb5-dev (headers for code-server's kerberos module);
#  - code-server (VS Code in the browser) from npm, without its install scripts, which download
#    prebuilt binaries that this network cannot reach: its native modules are built from source.
# Idempotent: the install is cached outside the repository and a marker file records a finished one,
# so a second run only checks. Prints the code-server directory on its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # newer releases need Node 24
CACHE="${BALLAST_E2E_CACHE:-$HOME/.cache/ballast-e2e}"
# Native modules are tied to the Node ABI that built them: a different Node gets its own install.
ABI="$(node -p process.versions.modules)"
INSTALL_DIR="$CACHE/code-server-$CODE_SERVER_VERSION-node-abi$ABI"
CODE_SERVER="$INSTALL_DIR/node_modules/code-server"
MARKER="$INSTALL_DIR/.ballast-e2e-ready"
DEBIAN_PACKAGES=(chromium ripgrep libkrb5-dev)
# VS Code's native modules, rebuilt from source (node-pty, not an npm script target, is built apart).
NATIVE_MODULES=(kerberos @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid)

log() { echo "e2e setup: $*" >&2; }

# Runs a step with its output in a log file, shown only when the step fails.
quietly() {
  local step_log="$CACHE/last-step.log"
  if ! "$@" > "$step_log" 2>&1; then
    cat "$step_log" >&2
    log "failed: $*"
    return 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  local missing=()
  for package in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  quietly as_root apt-get update
  quietly as_root apt-get install -y --no-install-recommends "${missing[@]}"
}

# Native modules must build against the local Node headers: node-gyp cannot download them offline.
# Use npm's configured nodedir, or the headers installed beside this Node.
use_local_node_headers() {
  local configured
  configured="$(npm config get nodedir 2>/dev/null || true)"
  if [ -n "$configured" ] && [ "$configured" != "undefined" ] && [ "$configured" != "null" ]; then
    export npm_config_nodedir="$configured"
  else
    local prefix
    prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
    if [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
  fi
}

node_gyp() {
  local module_dir="$1"
  local bundled
  bundled="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  local args=(rebuild "--directory=$module_dir")
  if [ -n "${npm_config_nodedir:-}" ]; then args+=("--nodedir=$npm_config_nodedir"); fi
  if [ -f "$bundled" ]; then node "$bundled" "${args[@]}"; else npx --yes node-gyp "${args[@]}"; fi
}

install_code_server() {
  [ -f "$MARKER" ] && return
  log "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR"
  rm -rf "$INSTALL_DIR"
  mkdir -p "$INSTALL_DIR"
  echo '{ "private": true }' > "$INSTALL_DIR/package.json"
  local npm_quiet=(--no-audit --no-fund --loglevel=error)
  local vscode="$CODE_SERVER/lib/vscode"
  quietly npm install --prefix "$INSTALL_DIR" "${npm_quiet[@]}" --ignore-scripts "code-server@$CODE_SERVER_VERSION"
  quietly npm install --prefix "$vscode" "${npm_quiet[@]}" --omit=dev --ignore-scripts
  quietly npm install --prefix "$vscode/extensions" "${npm_quiet[@]}" --omit=dev --ignore-scripts

  log "building native modules"
  use_local_node_headers
  quietly npm rebuild --prefix "$vscode" "${npm_quiet[@]}" "${NATIVE_MODULES[@]}"
  quietly node_gyp "$vscode/node_modules/node-pty"
  quietly npm rebuild --prefix "$INSTALL_DIR" "${npm_quiet[@]}" argon2

  # @vscode/ripgrep's install script would download rg; use Debian's.
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  # VS Code loads some modules from node_modules.asar, which only the packaged product has.
  ln -sfn node_modules "$vscode/node_modules.asar"

  # A broken native build fails here rather than in the first test.
  local module
  for module in "${NATIVE_MODULES[@]}" node-pty; do
    node -e 'require(process.argv[1])' "$vscode/node_modules/$module"
  done
  node -e 'require(process.argv[1])' "$INSTALL_DIR/node_modules/argon2"
  node "$CODE_SERVER/out/node/entry.js" --config "$INSTALL_DIR/config.yaml" --version >&2
  date -u +%FT%TZ > "$MARKER"
}

main() {
  local started=$SECONDS
  mkdir -p "$CACHE"
  # Two test runs on one machine must not build into the same folder at once.
  exec 9> "$CACHE/.lock"
  flock 9
  install_debian_packages
  install_code_server
  log "ready in $((SECONDS - started)) s"
  echo "$CODE_SERVER"
}

main "$@"
