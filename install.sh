#!/usr/bin/env bash
# Builds otelboard and installs an `otelboard` launcher into ${PREFIX:-$HOME/.local}/bin.
# Needs only a JDK 17+ and Maven 3.8+. Safe to run again: it rebuilds and replaces the launcher.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${PREFIX:-$HOME/.local}
bindir="$prefix/bin"
libdir="$prefix/lib/otelboard"

die() { echo "install.sh: $*" >&2; exit 1; }

command -v java >/dev/null 2>&1 || die "java not found; install a JDK 17 or newer and put it on PATH"
command -v mvn >/dev/null 2>&1 || die "mvn not found; install Maven 3.8 or newer and put it on PATH"

java_version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
java_major=${java_version%%.*}
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || die "java ${java_version:-unknown} is too old; otelboard needs Java 17 or newer"
javac -version >/dev/null 2>&1 || die "javac not found: a JRE is not enough, install a JDK 17 or newer"

mvn_version=$(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n1)
mvn_major=$(echo "$mvn_version" | cut -d. -f1)
mvn_minor=$(echo "$mvn_version" | cut -d. -f2)
if [ -z "$mvn_version" ] || [ "$mvn_major" -lt 3 ] || { [ "$mvn_major" -eq 3 ] && [ "$mvn_minor" -lt 8 ]; }; then
  die "Maven ${mvn_version:-unknown} is too old; otelboard needs Maven 3.8 or newer"
fi

echo "Building otelboard (mvn -B -q -DskipTests package)..."
(cd "$here" && mvn -B -q -DskipTests package) || die "the build failed; see the Maven output above"

jar="$here/cli/target/otelboard.jar"
[ -f "$jar" ] || die "build produced no $jar"

mkdir -p "$bindir" "$libdir"
cp "$jar" "$libdir/otelboard.jar.tmp" && mv -f "$libdir/otelboard.jar.tmp" "$libdir/otelboard.jar"

launcher="$bindir/otelboard"
cat > "$launcher.tmp" <<LAUNCHER
#!/usr/bin/env bash
# otelboard launcher, written by install.sh
exec java \${OTELBOARD_JAVA_OPTS:-} -jar "$libdir/otelboard.jar" "\$@"
LAUNCHER
chmod +x "$launcher.tmp"
mv -f "$launcher.tmp" "$launcher"

echo "Installed otelboard to $launcher"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "$bindir is not on your PATH; add it with:"
     echo "  export PATH=\"$bindir:\$PATH\"" ;;
esac
