#!/usr/bin/env bash
# record.sh -- records the golden output of every Lua test script that lacks it, from the
# reference interpreter (PUC-Rio lua5.4). Run it by hand after adding a script; CI never does.
#
# For scripts/DIR/NAME.lua it writes, next to it:
#   NAME.out  everything the script printed on stdout (always written);
#   NAME.err  when lua5.4 exits with an error: the error message, which is the first stderr
#             line that starts with "lua5.4: ", with that prefix removed.
# Each script runs from this directory as "lua5.4 DIR/NAME.lua", so its chunk name is
# "@DIR/NAME.lua"; LuaScriptTest loads it under the same name.
# A script whose first line starts with "-- hand-written" uses what lua5.4 lacks (the task
# library, say): its NAME.out is written by hand, and this script leaves it alone.
#
# usage: record.sh [-f] [scripts...]   -f: record again even when NAME.out exists
set -u
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 2
force=0
if [ "${1:-}" = "-f" ]; then force=1; shift; fi
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find . -name '*.lua' | sed 's|^\./||' | sort); fi

for f in "${files[@]}"; do
  f="${f#./}"
  base="${f%.lua}"
  if [ $force = 0 ] && [ -f "$base.out" ]; then continue; fi
  if head -n1 "$f" | grep -q '^-- hand-written'; then echo "skipped $base (hand-written)"; continue; fi
  rm -f "$base.err"
  LC_ALL=C timeout 60 lua5.4 "$f" >"$base.out" 2>"$base.stderr" </dev/null
  rc=$?
  if [ $rc -ne 0 ]; then
    grep -m1 '^lua5.4: ' "$base.stderr" | sed 's/^lua5\.4: //' >"$base.err"
    echo "recorded $base (fails: $(cat "$base.err"))"
  else
    echo "recorded $base"
  fi
  rm -f "$base.stderr"
done
