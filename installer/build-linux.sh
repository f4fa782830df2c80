#!/usr/bin/env bash
# Builds the Linux packages of UnionDesk (基层工会工作台) with jpackage and a bundled runtime:
#   target/installer/UnionDesk/            app-image (runs in place: bin/UnionDesk)
#   target/installer/uniondesk_<v>_amd64.deb
# Usage: installer/build-linux.sh [--skip-build] [--version X.Y.Z]
# Needs: JDK 17 with jpackage and jlink (the build JDK), dpkg-deb and fakeroot for the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."

SKIP_BUILD=0
VERSION=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1 ;;
    --version) VERSION="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$VERSION" ]; then
  VERSION=$(sed -n 's:^  <version>\([0-9.]*\).*</version>:\1:p' pom.xml | head -1)
fi

if [ "$SKIP_BUILD" = 0 ]; then
  mvn -B -q -DskipTests package
fi

OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp target/uniondesk.jar "$OUT/input/"
# only the Linux JavaFX jars (the classifier-less ones are empty placeholders)
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*-linux.jar) cp "$j" "$OUT/input/" ;;
    javafx-*) ;;
    *) cp "$j" "$OUT/input/" ;;
  esac
done

# The runtime: the modules jdeps finds, plus what is reached by reflection or service loading
# (EC/EdDSA crypto, GBK charsets, Chinese locale data, the HTTP client and server, zip file system).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported,jdk.zipfs
jlink --add-modules "$MODULES" --include-locales=zh,en --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$OUT/runtime"

# Class-data sharing: the default CDS archive of the bundled runtime (its classes load mapped).
"$OUT/runtime/bin/java" -Xshare:dump > /dev/null 2>&1 || true

COMMON=(--name UnionDesk --app-version "$VERSION" --vendor "UnionDesk"
  --description "基层工会工作台 — members, dues, aid cases and monthly reports for grassroots trade unions"
  --copyright "UnionDesk")

jpackage --type app-image "${COMMON[@]}" \
  --input "$OUT/input" --main-jar uniondesk.jar --main-class cn.uniondesk.app.Launcher \
  --runtime-image "$OUT/runtime" --icon installer/icons/uniondesk.png \
  --java-options '-Xmx512m' --java-options '-Dfile.encoding=UTF-8' \
  --java-options '-XX:+UseSerialGC' --java-options '-XX:TieredStopAtLevel=1' \
  --dest "$OUT"

# AppCDS: record the classes loaded while the window starts (training run through the app's own
# launcher, window shown then closed), then dump them into a shared archive that later starts map
# instead of parsing. The archive is tied to the install path: the .deb's postinst dumps it again
# in /opt (installer/linux/uniondesk-cds.sh). Start times before/after: docs/benchmarks.md.
APPDIR="$OUT/UnionDesk/lib/app"
cp installer/linux/uniondesk-cds.sh "$APPDIR/"
if command -v xvfb-run > /dev/null; then
  TMPDATA=$(mktemp -d)
  if XDG_DATA_HOME="$TMPDATA" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$PWD/$APPDIR/uniondesk.classlist" \
      xvfb-run -a "$OUT/UnionDesk/bin/UnionDesk" --exit-after-start > "$OUT/cds-training.log" 2>&1 \
      && [ -s "$APPDIR/uniondesk.classlist" ]; then
    "$APPDIR/uniondesk-cds.sh" "$PWD/$OUT/UnionDesk"
    # -Xshare:auto: a missing or stale archive only costs speed; its warnings stay out of CLI output
    printf 'java-options=-XX:SharedArchiveFile=$APPDIR/uniondesk.jsa\njava-options=-Xshare:auto\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off\n' \
      >> "$APPDIR/UnionDesk.cfg"
  else
    echo "AppCDS training run failed (see $OUT/cds-training.log); the app runs without the archive"
  fi
  rm -rf "$TMPDATA"
else
  echo "xvfb-run not found: no AppCDS class list (the app still runs, starting slower)"
fi

if command -v dpkg-deb > /dev/null; then
  # the archive built here holds this folder's paths; the package's postinst makes the one for /opt
  mv "$APPDIR/uniondesk.jsa" "$OUT/uniondesk.jsa.local" 2> /dev/null || true
  jpackage --type deb --app-image "$OUT/UnionDesk" "${COMMON[@]}" \
    --linux-package-name uniondesk --linux-app-category office --linux-menu-group Office \
    --linux-shortcut --install-dir /opt --icon installer/icons/uniondesk.png \
    --resource-dir installer/linux --dest "$OUT"
  mv "$OUT/uniondesk.jsa.local" "$APPDIR/uniondesk.jsa" 2> /dev/null || true
fi
ls -la "$OUT"
