#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs (offscreen and on a desktop) and a real font,
# only where they are missing. Usage: .ci/system-deps.sh [offscreen|desktop]
set -euo pipefail
mode=${1:-offscreen}
# Fonts: DejaVu for Latin, Greek and Cyrillic; WenQuanYi Micro Hei for Chinese, Japanese and
# Korean (5 MB, where Noto CJK is 90); Noto Color Emoji. Without the last two a post in Korean
# or with an emoji is drawn as empty boxes, in the window and in reports.
wanted=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
        fonts-wqy-microhei fonts-noto-color-emoji)
if [ "$mode" = desktop ]; then
  wanted+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
           libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1)
fi
python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || wanted+=(python3-venv)

command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian-based system: install the Qt libraries above by hand" >&2; exit 0; }
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
