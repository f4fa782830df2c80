# Builds the Windows installer of UnionDesk (基层工会工作台): a per-user MSI (no administrator
# rights), Start-menu entry and desktop shortcut named 基层工会工作台, the union icon, a bundled
# runtime. Run on a Windows build machine with:
#   - JDK 17 (jpackage, jlink) on PATH, Maven 3.8+,
#   - WiX Toolset 3.11+ (candle.exe, light.exe) on PATH (jpackage requires it for MSI/EXE).
# Usage (PowerShell, from the project root):  installer\windows\build-windows.ps1 [-Version 0.1.0] [-SkipBuild]
# Output: target\installer\基层工会工作台-<version>.msi
param([string]$Version = "", [switch]$SkipBuild)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not $Version) {
  $Version = ([xml](Get-Content pom.xml -Encoding UTF8)).project.version -replace '-.*$', ''
}
if (-not $SkipBuild) { mvn -B -q -DskipTests package; if ($LASTEXITCODE) { exit $LASTEXITCODE } }

$Out = "target\installer"
Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$Out\input" | Out-Null
Copy-Item target\uniondesk.jar "$Out\input\"
# the Windows JavaFX jars only (Maven resolves the -win classifier on a Windows machine)
Get-ChildItem target\lib\*.jar | Where-Object { $_.Name -notmatch '^javafx-[a-z]+-[0-9.]+\.jar$' } |
  Copy-Item -Destination "$Out\input\"

$Modules = "java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported,jdk.zipfs"
jlink --add-modules $Modules --include-locales=zh,en --strip-debug --no-man-pages --no-header-files --compress=2 --output "$Out\runtime"
& "$Out\runtime\bin\java.exe" -Xshare:dump | Out-Null

# The upgrade code must never change: it is what lets a newer MSI replace an older one in place.
# Data lives in %APPDATA%\UnionDesk, outside the install folder, so upgrades and removal keep it.
jpackage --type msi --name "基层工会工作台" --app-version $Version --vendor "UnionDesk" `
  --description "基层工会工作台" --copyright "UnionDesk" `
  --input "$Out\input" --main-jar uniondesk.jar --main-class cn.uniondesk.app.Launcher `
  --runtime-image "$Out\runtime" --icon installer\icons\uniondesk.ico `
  --java-options "-Xmx512m" --java-options "-Dfile.encoding=UTF-8" `
  --java-options "-XX:+UseSerialGC" --java-options "-XX:TieredStopAtLevel=1" `
  --win-per-user-install --win-menu --win-menu-group "基层工会工作台" --win-shortcut `
  --add-launcher uniondesk-cli=installer\windows\uniondesk-cli.properties `
  --win-upgrade-uuid "6f1d2c5e-8a47-4c1b-9a52-0e3f7b9d4a11" `
  --resource-dir installer\windows --dest $Out
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Get-ChildItem $Out\*.msi
