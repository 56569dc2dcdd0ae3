#!/usr/bin/env bash
# Installs what the real-editor tests need (see ../shared/docs/E2E.md), once, and caches it:
#   - Debian packages: chromium, neovim, emacs-nox with elpa-eglot and elpa-markdown-mode, and the
#     build tools code-server's native modules need;
#   - code-server 4.100.3 (VS Code 1.100 on Node 20) from npm, into a cache folder outside the
#     project's node_modules.
# A second run only checks and prints "ok" lines. Runs as root (apt-get); the code-server part
# alone works as any user (GLOSSARY_E2E_SKIP_APT=1).
#
# Environment:
#   GLOSSARY_E2E_CACHE     cache folder (default: $HOME/.cache/pandoc-glossary-e2e)
#   GLOSSARY_E2E_SKIP_APT  1: do not install Debian packages, only check for them
#   GLOSSARY_E2E_FORCE     1: reinstall code-server even if the cache looks complete
# Prints the code-server folder on its last line as `CODE_SERVER_DIR=...`.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11 # the @vscode/ripgrep that code-server 4.100.3 pins
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium neovim emacs-nox elpa-eglot elpa-markdown-mode build-essential pkg-config python3 libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev)

CACHE_DIR=${GLOSSARY_E2E_CACHE:-${HOME:-/root}/.cache/pandoc-glossary-e2e}
CS_DIR=$CACHE_DIR/code-server
CS_STAMP=$CS_DIR/.installed-$CODE_SERVER_VERSION

log() { printf '[e2e-setup] %s\n' "$*"; }
die() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -eq 0 ] || printf "[e2e-setup] FAILED (exit %s)\n" "$rc" >&2' EXIT

start=$(date +%s)

# --- Debian packages ---------------------------------------------------------------------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  is_installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "ok: Debian packages present (${APT_PACKAGES[*]})"
elif [ "${GLOSSARY_E2E_SKIP_APT:-}" = 1 ]; then
  die "missing Debian packages: ${missing[*]} (GLOSSARY_E2E_SKIP_APT=1: install them with apt-get)"
else
  command -v apt-get >/dev/null || die "missing Debian packages (${missing[*]}) and no apt-get on this machine"
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing Debian packages (${missing[*]}): run as root or install them first"
    SUDO=sudo
  fi
  log "installing Debian packages: ${missing[*]}"
  t=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || die "apt-get update failed"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null \
    || die "apt-get install ${missing[*]} failed"
  log "installed Debian packages in $(( $(date +%s) - t ))s"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing the chromium package"
command -v nvim >/dev/null || die "nvim not found after installing the neovim package"
command -v emacs >/dev/null || die "emacs not found after installing the emacs-nox package"

# --- code-server ---------------------------------------------------------------------------------
cs_complete() {
  [ -f "$CS_STAMP" ] \
    && [ -f "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
    && [ -x "$CS_DIR/node_modules/.bin/code-server" ] \
    && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_DIR/node_modules/code-server/package.json"
}

if cs_complete && [ "${GLOSSARY_E2E_FORCE:-}" != 1 ]; then
  log "ok: code-server $CODE_SERVER_VERSION cached in $CS_DIR"
else
  command -v npm >/dev/null || die "npm not found"
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" = 20 ] || log "warning: code-server $CODE_SERVER_VERSION declares Node 20, this is Node $(node -v)"
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about 300 MB; a minute or more)"
  t=$(date +%s)
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  work=$(mktemp -d "${TMPDIR:-/tmp}/glossary-e2e-setup.XXXXXX")

  # @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this tarball in
  # os.tmpdir(); the rg binary shipped in the npm package @vscode/ripgrep-linux-x64 fills it.
  export TMPDIR=$work/tmp
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION" "$work/rg"
  (cd "$work/rg" && npm pack --silent @vscode/ripgrep-linux-x64 >/dev/null) || die "npm pack @vscode/ripgrep-linux-x64 failed"
  tar xzf "$work"/rg/*.tgz -C "$work/rg" package/bin/rg || die "no bin/rg in @vscode/ripgrep-linux-x64"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION/$RIPGREP_ASSET" -C "$work/rg/package/bin" rg

  # node-pty's postinstall runs `npx node-gyp`, which refuses without npm_config_yes.
  export npm_config_yes=true
  # Build native modules against the machine's Node headers instead of downloading them.
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
  fi
  printf '{ "name": "pandoc-glossary-e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  if ! (cd "$CS_DIR" && npm install --no-save --no-audit --no-fund --unsafe-perm --loglevel=error \
        "code-server@$CODE_SERVER_VERSION" > "$work/npm.log" 2>&1); then
    tail -n 60 "$work/npm.log" >&2
    cp "$work/npm.log" "$CACHE_DIR/npm-install-failed.log" 2>/dev/null || true
    die "npm install code-server@$CODE_SERVER_VERSION failed (log: $CACHE_DIR/npm-install-failed.log)"
  fi
  rm -rf "$work"
  touch "$CS_STAMP"
  cs_complete || die "code-server installed but incomplete: $CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js missing"
  log "installed code-server $CODE_SERVER_VERSION in $(( $(date +%s) - t ))s"
fi

log "done in $(( $(date +%s) - start ))s"
echo "CODE_SERVER_DIR=$CS_DIR/node_modules/code-server"
