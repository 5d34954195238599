#!/usr/bin/env bash
# bench/run.sh — builds the benchmark jar when missing (or older than the sources) and runs CoreBench.
#   bench/run.sh all --out /tmp/bench-core.json      (see bench/run.sh --help)
# JVM options: BENCH_JAVA_OPTS (default -Xms2g -Xmx2g). Works from any directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/sosik-bench.jar"

case "$(locale charmap 2>/dev/null || true)" in
  UTF-8|utf8) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

needs_build() {
  [ -f "$jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/sosik-analysis/pom.xml" "$root/sosik-core/pom.xml" "$root/bench/pom.xml" \
           "$root/sosik-analysis/src/main" "$root/sosik-core/src/main" "$root/bench/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "bench: building $jar …" >&2
  log="$root/bench/target/build.log"
  mkdir -p "$root/bench/target"
  if ! (cd "$root" && mvn -o -q -B -DskipTests package -pl bench -am >"$log" 2>&1); then
    echo "bench: build failed; see $log" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
fi

exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 \
  -Dsosik.repo="$root" -jar "$jar" "$@"
