#!/usr/bin/env bash
# bench/backends.sh — the embedded index and an OpenSearch cluster side by side: indexing
# articles/s and query p50/p99 on company-news-2019 and bench/queries-ko.txt, or on the first N articles
# of a scale corpus and bench/queries-scale.txt (--corpus FILE --articles N); --grouped asks for one hit per group;
# --optimize N merges both indexes into N segments (sosik optimize, the cluster's force merge) before the queries.
#   bench/backends.sh --opensearch-url http://127.0.0.1:9200 [--rounds N] [--warmup N] [--queries FILE] [--shared DIR] [--corpus FILE --articles N] [--grouped] [--optimize N]
# The cluster needs Sosik's analysis plugin (docs/OPERATIONS.md). The benchmark creates and then
# deletes an index named sosik-bench-<time>. JVM options: BENCH_JAVA_OPTS (default -Xms2g -Xmx2g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/sosik-bench.jar"

case "$(locale charmap 2>/dev/null || true)" in
  UTF-8|utf8) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/bench" "$root/sosik-analysis/src/main" "$root/sosik-core/src/main" \
     "$root/sosik-opensearch/src/main" -newer "$jar" -name '*.java' -print -quit 2>/dev/null)" ]; then
  echo "bench: building $jar …" >&2
  mkdir -p "$root/bench/target"
  log="$root/bench/target/build.log"
  if ! (cd "$root" && mvn -o -q -B -DskipTests package -pl bench -am >"$log" 2>&1); then
    echo "bench: build failed; see $log" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
fi

exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 \
  -Dsosik.repo="$root" -cp "$jar" sosik.bench.BackendBench "$@"
