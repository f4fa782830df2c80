#!/usr/bin/env bash
# Checks the Linux package the way an office PC gets it, and the upgrade path:
#  1. builds the .deb as version A (installer/build-linux.sh) and installs it with dpkg (needs root);
#  2. sets up the demo union with the installed program, in the user's OS data folder;
#  3. starts the installed window under Xvfb, saves a screenshot, reports the start time;
#  4. builds version B, installs it over A (upgrade), and checks the data is intact and usable;
#  5. removes the package again. The data folder is left alone by install, upgrade and removal.
# Usage: installer/test-linux.sh [--skip-build]   (run as root; needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP=""
[ "${1:-}" = "--skip-build" ] && SKIP="--skip-build"

OUT=target/installer
WORK=$(mktemp -d)
export XDG_DATA_HOME="$WORK/share"  # the user's OS data folder is then $XDG_DATA_HOME/uniondesk
unset UNIONDESK_DATA
APP=/opt/uniondesk/bin/UnionDesk
DATA="$XDG_DATA_HOME/uniondesk"
# a desktop machine has these; a bare build container may not (xdg-desktop-menu needs them)
mkdir -p /usr/share/applications /etc/xdg/menus/applications-merged /usr/share/desktop-directories
trap 'dpkg -r uniondesk > /dev/null 2>&1 || true' EXIT

installer/build-linux.sh $SKIP --version 0.1.0 > "$WORK/build-a.log"
cp "$OUT"/uniondesk_0.1.0-1_amd64.deb "$WORK/"
apt-get install -y -q "$WORK/uniondesk_0.1.0-1_amd64.deb" > "$WORK/apt-a.log" 2>&1 || { cat "$WORK/apt-a.log"; exit 1; }
echo "installed: $(dpkg-query -W -f='${Package} ${Version}' uniondesk) at /opt/uniondesk"
[ -f /usr/share/applications/uniondesk-UnionDesk.desktop ] || ls /usr/share/applications | grep -i uniondesk

[ -s /opt/uniondesk/lib/app/uniondesk.jsa ] && echo "class-data sharing archive made by postinst"
"$APP" init --demo
COUNT_A=$(UNIONDESK_USER=demo UNIONDESK_PASSWORD=demo1234 "$APP" members list --format csv | wc -l)
echo "members listed after install: $COUNT_A (data in $DATA)"
[ -f "$DATA/uniondesk.mv.db" ] || { echo "no database in the OS data folder" >&2; exit 1; }

mkdir -p docs/screenshots
xvfb-run -a -s "-screen 0 1280x800x24" "$APP" --exit-after-start --screenshot "$PWD/docs/screenshots/installed-app.png"

installer/build-linux.sh --skip-build --version 0.1.1 > "$WORK/build-b.log"
apt-get install -y -q "$PWD/$OUT/uniondesk_0.1.1-1_amd64.deb" > "$WORK/apt-b.log" 2>&1 || { cat "$WORK/apt-b.log"; exit 1; }
echo "upgraded: $(dpkg-query -W -f='${Package} ${Version}' uniondesk)"
grep -q 'app-version=0.1.1' /opt/uniondesk/lib/app/UnionDesk.cfg
COUNT_B=$(UNIONDESK_USER=demo UNIONDESK_PASSWORD=demo1234 "$APP" members list --format csv | wc -l)
echo "members listed after upgrade: $COUNT_B"
[ "$COUNT_A" = "$COUNT_B" ] || { echo "data changed by the upgrade" >&2; exit 1; }
UNIONDESK_USER=demo UNIONDESK_PASSWORD=demo1234 "$APP" audit verify

dpkg -r uniondesk > /dev/null
[ -f "$DATA/uniondesk.mv.db" ] || { echo "removal deleted the data" >&2; exit 1; }
echo "removed; data folder kept. OK"
rm -rf "$WORK"
