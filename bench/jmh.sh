#!/usr/bin/env bash
# jmh.sh -- the warmed-up (in-process) speed of Moonlet beside lua5.4's on the same work:
# coroutine round trips and calls of builtins from Lua (ns each), fib(30) and a
# 10^8-iteration integer loop (ms each).
#
# usage: bench/jmh.sh [JMH options...]     (e.g. -f 1 -wi 3 -i 5 -w 2 -r 2 for a shorter run)
#
# Moonlet's figures come from JMH (moonlet-bench: CoroutineBench, CallBench, InterpreterBench;
# the jar is built when missing); lua5.4's from the same Lua code run by lua5.4 (see below).
# The ratio is moonlet / lua5.4.
# Set BENCH_JAR to measure another benchmarks.jar (an older build, say).
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
jar="${BENCH_JAR:-$root/moonlet-bench/target/benchmarks.jar}"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl moonlet-bench -am package) || exit 1
fi
csv="$(mktemp)"
trap 'rm -f "$csv" "$csv.lua"' EXIT
java -jar "$jar" 'CoroutineBench|CallBench|InterpreterBench' -rf csv -rff "$csv" "$@" >&2 || exit 1

# The same programs as the benchmarks, run by lua5.4: wall-clock time like JMH's, the median of
# 5 runs of a whole lua5.4 process (whose start, about a millisecond, is counted in), per
# operation: "name<TAB>value" lines.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
lua_time() { # NAME SCALE PROGRAM: SCALE converts the seconds of one run to the unit per operation
  local r t0 t1
  for ((r = 0; r < 5; r++)); do
    t0=$(date +%s.%N); lua5.4 -e "$3" >/dev/null; t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v s="$2" 'BEGIN { print (b - a) * s }'
  done | median | awk -v n="$1" '{ printf "%s\t%s\n", n, $1 }'
}
{
  lua_time wrapRoundTrip 1000 \
    'local co = coroutine.wrap(function() while true do coroutine.yield() end end) for i = 1, 1000000 do co() end'
  lua_time resumeRoundTrip 1000 \
    'local co = coroutine.create(function(x) while true do x = coroutine.yield(x) end end)
     local resume = coroutine.resume for i = 1, 1000000 do resume(co, i) end'
  lua_time directBuiltin 1000 \
    'local select, rawget, abs, t = select, rawget, math.abs, {1, 2, 3} local s = 0
     for i = 1, 1000000, 3 do s = s + select("#", i, i) + rawget(t, 2) + abs(-i) end'
  lua_time protectedLuaCall 1000 \
    'local pcall = pcall local function two(x) return x, x end
     for i = 1, 1000000 do local _, a, b = pcall(two, i) end'
  lua_time fib30 1000 \
    'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end print(fib(30))'
  lua_time integerLoop 1000 'local s = 0 for i = 1, 100000000 do s = s + i end print(s)'
} >"$csv.lua"

printf '%-18s %-8s %12s %12s %8s\n' benchmark unit moonlet lua5.4 ratio
awk -F, -v luafile="$csv.lua" '
  BEGIN { while ((getline line < luafile) > 0) { split(line, p, "\t"); lua[p[1]] = p[2] } }
  NR > 1 {
    name = $1; gsub(/"/, "", name); sub(/.*\./, "", name)
    unit = $7; gsub(/"/, "", unit)
    ratio = (lua[name] > 0) ? sprintf("%.1fx", $5 / lua[name]) : "-"
    printf "%-18s %-8s %12.1f %12.1f %8s\n", name, unit, $5, lua[name], ratio
  }' "$csv"
