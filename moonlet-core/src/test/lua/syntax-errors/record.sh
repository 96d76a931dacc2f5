#!/usr/bin/env bash
# record.sh -- records the expected message of every malformed program here that lacks one,
# from the reference interpreter (PUC-Rio lua5.4). Run it by hand after adding a program; CI
# never does.
#
# For NAME.lua it writes NAME.expected: the message lua5.4 gives when the program is fed on
# stdin ("lua5.4 - < NAME.lua" prints "lua5.4: MESSAGE" on stderr), without the "lua5.4: "
# prefix, followed by a newline. A message may span lines (a quoted long string token).
# SyntaxErrorCorpusTest parses each program under the chunk name "=stdin" and compares.
# Programs named sem-*.lua hold errors that only the compiler finds; they are recorded alike.
#
# A program that luac5.4 -p accepts is refused: lua5.4 would run it instead of rejecting it.
#
# usage: record.sh [-f] [programs...]   -f: record again even when NAME.expected exists
set -u
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 2
force=0
if [ "${1:-}" = "-f" ]; then force=1; shift; fi
if [ $# -gt 0 ]; then files=("$@"); else files=(*.lua); fi

status=0
for f in "${files[@]}"; do
  f="$(basename "$f")"
  expected="${f%.lua}.expected"
  if [ $force = 0 ] && [ -f "$expected" ]; then continue; fi
  if LC_ALL=C luac5.4 -p - <"$f" 2>/dev/null; then
    echo "refused $f: it parses, so it is not a syntax error" >&2
    status=1
    continue
  fi
  LC_ALL=C timeout 60 lua5.4 - <"$f" 2>&1 >/dev/null | sed '1s/^lua5\.4: //' >"$expected"
  echo "recorded $f: $(head -c 200 "$expected" | head -1)"
done
exit $status
