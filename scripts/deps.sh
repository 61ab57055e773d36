#!/usr/bin/env bash
# Installs what building, running and testing Infra Runway needs, and only
# what is missing. On Debian/Ubuntu it installs system packages with apt-get;
# elsewhere it says what to install and stops.
#   scripts/deps.sh run    what `make run` needs
#   scripts/deps.sh test   what `make test` needs (adds Xvfb, the WebDriver tools)
set -euo pipefail

want=${1:-run}
build_pkgs=(libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config)
test_pkgs=(xvfb xauth webkit2gtk-driver poppler-utils)
pkgs=("${build_pkgs[@]}")
[ "$want" = test ] && pkgs+=("${test_pkgs[@]}")

say() { printf 'deps: %s\n' "$*"; }

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing system packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { say "run as root or install sudo, then: apt-get install ${missing[*]}"; exit 1; }
      sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
elif [ "$(uname -s)" = Darwin ]; then
  # macOS builds Tauri with the system WebView; no packages are needed to run.
  if [ "$want" = test ]; then
    say "the window test drives WebKitGTK through WebKitWebDriver, which exists on Linux only:"
    say "run 'make test' on Debian or Ubuntu (or in CI); 'make run' works here."
    exit 1
  fi
else
  missing=()
  pkg-config --exists webkit2gtk-4.1 2>/dev/null || missing+=("WebKitGTK 4.1 development files (webkit2gtk-4.1)")
  command -v cc >/dev/null 2>&1 || missing+=("a C toolchain")
  if [ "$want" = test ]; then
    command -v xvfb-run >/dev/null 2>&1 || missing+=("Xvfb with xvfb-run")
    command -v WebKitWebDriver >/dev/null 2>&1 || missing+=("WebKitWebDriver")
    command -v pdftotext >/dev/null 2>&1 || missing+=("poppler-utils (pdftotext, pdftoppm: the report tests read the PDF back)")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "this is not a Debian or Ubuntu system; install these, then run make again:"
    for m in "${missing[@]}"; do say "  - $m"; done
    say "(on Debian the packages are: ${pkgs[*]})"
    exit 1
  fi
fi

if ! command -v cargo >/dev/null 2>&1; then
  say "Rust is missing: install it from https://rustup.rs, then run make again."
  exit 1
fi
if command -v rustup >/dev/null 2>&1; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "Node.js 20 or newer with npm is missing: install it (apt-get install nodejs npm, or nodejs.org), then run make again."
  exit 1
fi
# Vite 8 needs Node.js 20.19 or newer.
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  say "Node.js $(node --version) is too old; version 20.19 or newer is needed."
  exit 1
fi

# The UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

if [ "$want" = test ]; then
  driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  if [ ! -x "$driver" ]; then
    say "installing tauri-driver"
    cargo install tauri-driver --locked --version '^2'
  fi
fi
