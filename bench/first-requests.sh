#!/usr/bin/env bash
# bench/first-requests.sh — what a started server's first users wait: for each warm-up given,
# starts `sosik serve --warmup SECONDS` on INDEX, waits until it serves, sends the scale queries
# (bench/queries-scale.txt, with their period and order options) to /api/search three times in
# turn, prints each pass's total and median request time (curl's own timing), and stops it.
#   bench/first-requests.sh INDEX [SECONDS...]        (default: 0 10)
# The server runs with $SOSIK_JAVA_OPTS (default -Xmx1g) and must be the only user of INDEX.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
index="${1:?usage: bench/first-requests.sh INDEX [SECONDS...]}"
shift
warmups=("$@")
[ ${#warmups[@]} -gt 0 ] || warmups=(0 10)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# the queries as URL parameters, once
python3 - "$root/bench/queries-scale.txt" >"$work/queries" <<'EOF'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    q, _, opts = line.partition("\t")
    params = [("q", q.strip())]
    for o in filter(None, opts.split(",")):
        k, _, v = o.partition("=")
        params.append((k.strip(), v.strip()))
    print(urllib.parse.urlencode(params))
EOF

for w in "${warmups[@]}"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  SOSIK_JAVA_OPTS="${SOSIK_JAVA_OPTS:--Xmx1g}" "$root/sosik" serve --index "$index" --port "$port" --warmup "$w" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    grep -q "is serving" "$work/serve.log" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  line="--warmup $w: $(grep -o 'warmed up in [^(]*' "$work/serve.log" || echo 'no warm-up; ')"
  for pass in 1 2 3; do
    while read -r params; do
      curl -fsS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/search?$params"
    done <"$work/queries" >"$work/times"
    line+=$(sort -n "$work/times" | awk -v p="$pass" '{t[NR]=$1; s+=$1} END {printf " | pass %d: %.2f s, median %.1f ms", p, s, 1000*t[int((NR+1)/2)]}')
  done
  echo "$line"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
done
