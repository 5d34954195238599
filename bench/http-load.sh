#!/usr/bin/env bash
# bench/http-load.sh — the HTTP load run: indexes a corpus into a throw-away index, starts
# `sosik serve` on a free loopback port, runs HttpLoadBench against it, and stops the server.
#   bench/http-load.sh [SECONDS_PER_LEVEL=10] [LEVELS=1,2,4,8,16]
# The corpus: SOSIK_LOAD_INPUTS (paths for `sosik index`), by default the demo corpus and
# ../shared/data/korquad-v1-dev/paragraphs.jsonl; or SOSIK_LOAD_INDEX, an index built beforehand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
levels="${2:-1,2,4,8,16}"
inputs="${SOSIK_LOAD_INPUTS:-$root/demo/corpus $root/../shared/data/korquad-v1-dev/paragraphs.jsonl}"
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

index="${SOSIK_LOAD_INDEX:-}"
if [ -z "$index" ]; then
  index="$work/index"
  # shellcheck disable=SC2086
  "$root/sosik" index -q --index "$index" $inputs
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SOSIK_JAVA_OPTS="${SOSIK_JAVA_OPTS:--Xmx1g}" "$root/sosik" serve --index "$index" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
"$root/bench/run.sh" --help >/dev/null   # builds the bench jar when needed
java -cp "$root/bench/target/sosik-bench.jar" sosik.bench.HttpLoadBench "http://127.0.0.1:$port" \
  "$root/bench/queries-ko.txt" "$seconds" "$levels"
