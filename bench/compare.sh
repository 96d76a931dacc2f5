#!/usr/bin/env bash
# compare.sh -- times the Lua programs in bench/ under lua5.4 and ./moonlet, side by side.
#
# usage: bench/compare.sh [-n RUNS] [programs...]     (default: 5 runs of every bench/*.lua)
#
# Each program runs RUNS times under each interpreter; the table shows the median wall-clock
# seconds of each and the ratio moonlet / lua5.4. Moonlet's times include starting the JVM
# (about 0.1 s; see the "(empty)" row) and warming up its JIT, which lua5.4 does not pay: JMH
# (moonlet-bench) measures the warmed-up speed. The two outputs must match, else the row says
# "DIFFERENT OUTPUT". Set MOONLET_JAVA_OPTS to pass options to the JVM, and MOONLET to time
# another command than ./moonlet (a jar of your own, say: MOONLET="java -jar my.jar").
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
moonlet="${MOONLET:-$here/../moonlet}"
runs=5
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
if [ $# -gt 0 ]; then programs=("$@"); else programs=("$here"/*.lua); fi

$moonlet -e '' >/dev/null || { echo "compare.sh: $moonlet does not run" >&2; exit 1; }
empty="$(mktemp --suffix=.lua)"
trap 'rm -f "$empty"' EXIT

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_runs CMD FILE: prints the median seconds of $runs runs; the output of the last run goes to $out
time_runs() {
  local i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s.%N)
    $1 "$2" >"$out" 2>/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
  done | median
}

printf '%-14s %10s %10s %8s\n' program lua5.4 moonlet ratio
for p in "$empty" "${programs[@]}"; do
  name="$(basename "$p" .lua)"
  [ "$p" = "$empty" ] && name="(empty)"
  out="$(mktemp)"; lua_t=$(time_runs lua5.4 "$p"); lua_out="$(cat "$out")"
  moon_t=$(time_runs "$moonlet" "$p"); moon_out="$(cat "$out")"; rm -f "$out"
  ratio=$(awk -v a="$lua_t" -v b="$moon_t" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')
  note=""; [ "$lua_out" != "$moon_out" ] && note="  DIFFERENT OUTPUT"
  printf '%-14s %10.3f %10.3f %8s%s\n' "$name" "$lua_t" "$moon_t" "$ratio" "$note"
done
