#!/usr/bin/env bash
# Builds the installable app: an app image with its own Java runtime, and a .deb where
# dpkg-deb and fakeroot exist. Usage: installer/build-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -ntp -DskipTests package
rm -rf target/jpackage-input target/installer
mkdir -p target/jpackage-input/lib
cp target/vitalis.jar target/jpackage-input/
# PyTorch (about 110 MiB of jars) only trains models (`vitalis vision train`, a developer command); the installed app
# runs the shipped ONNX models on ONNX Runtime and leaves it out. The models go beside the jar.
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in pytorch-*) ;; *) cp "$jar" target/jpackage-input/lib/ ;; esac
done
cp -r models target/jpackage-input/models
"$JAVA_HOME/bin/jpackage" @jpackage.cfg --type app-image
echo "App image: target/installer/Vitalis (run target/installer/Vitalis/bin/Vitalis)"
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  "$JAVA_HOME/bin/jpackage" @jpackage.cfg --type deb --linux-package-deps libgtk-3-0 \
      --linux-shortcut --linux-menu-group Office --license-file installer/LICENSE-THIRD-PARTY.md
  echo "Debian package: $(ls target/installer/*.deb)"
else
  echo "No .deb: install dpkg-dev and fakeroot to build one (apt-get install dpkg-dev fakeroot)."
fi
