#!/usr/bin/env bash
# jmh.sh -- the warmed-up (in-process) speed of Moonlet beside lua5.4's on the same work:
# coroutine round trips (ns each), fib(30) and a 10^8-iteration integer loop (ms each).
#
# usage: bench/jmh.sh [JMH options...]     (e.g. -f 1 -wi 3 -i 5 -w 2 -r 2 for a shorter run)
#
# Moonlet's figures come from JMH (moonlet-bench: CoroutineBench, InterpreterBench; the jar is
# built when missing); lua5.4's from the same Lua code timed with os.clock inside one lua5.4
# process, the median of 5 runs after one warm-up run. The ratio is moonlet / lua5.4.
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
java -jar "$jar" 'CoroutineBench|InterpreterBench' -rf csv -rff "$csv" "$@" >&2 || exit 1

# The same programs as the benchmarks, timed by lua5.4: "name ns-or-ms" per line.
lua5.4 - <<'LUA' >"$csv.lua"
local function median(f, scale)
  f()
  local t = {}
  for r = 1, 5 do
    local c0 = os.clock()
    f()
    t[r] = (os.clock() - c0) * scale
  end
  table.sort(t)
  return t[3]
end
local N = 1000000
local wrap = coroutine.wrap(function() while true do coroutine.yield() end end)
local echo = coroutine.create(function(x) while true do x = coroutine.yield(x) end end)
local resume = coroutine.resume
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("wrapRoundTrip", median(function() for i = 1, N do wrap() end end, 1e9 / N))
print("resumeRoundTrip", median(function() for i = 1, N do resume(echo, i) end end, 1e9 / N))
print("fib30", median(function() return fib(30) end, 1e3))
print("integerLoop", median(function() local s = 0 for i = 1, 100000000 do s = s + i end return s end, 1e3))
LUA

printf '%-18s %-8s %12s %12s %8s\n' benchmark unit moonlet lua5.4 ratio
awk -F, -v luafile="$csv.lua" '
  BEGIN { while ((getline line < luafile) > 0) { split(line, p, "\t"); lua[p[1]] = p[2] } }
  NR > 1 {
    name = $1; gsub(/"/, "", name); sub(/.*\./, "", name)
    unit = $7; gsub(/"/, "", unit)
    ratio = (lua[name] > 0) ? sprintf("%.1fx", $5 / lua[name]) : "-"
    printf "%-18s %-8s %12.1f %12.1f %8s\n", name, unit, $5, lua[name], ratio
  }' "$csv"
