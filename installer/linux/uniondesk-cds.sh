#!/bin/sh
# Creates the class-data-sharing archive (AppCDS) of UnionDesk for the folder it is installed in:
# the classes the window loads at start (uniondesk.classlist, recorded when the package was built)
# are parsed once here and mapped on every later start. Run by the package's postinst, or by hand:
#   <install dir>/lib/app/uniondesk-cds.sh <install dir>
# Without the archive the program runs the same, only its start is slower.
set -e
ROOT="$1"
APPDIR="$ROOT/lib/app"
CP=$(sed -n 's/^app.classpath=//p' "$APPDIR/UnionDesk.cfg" | sed "s|\$APPDIR|$APPDIR|" | paste -sd: -)
"$ROOT/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$APPDIR/uniondesk.classlist" \
  -XX:SharedArchiveFile="$APPDIR/uniondesk.jsa" -cp "$CP" > /dev/null 2>&1
