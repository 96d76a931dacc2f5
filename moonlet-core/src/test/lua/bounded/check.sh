#!/usr/bin/env bash
# Checks each bounded-step script's declared outcome against PUC-Rio lua5.4, run from this
# folder as `lua5.4 NAME.lua` with a 128 MiB address-space limit (so memory bombs end in
# "not enough memory" as they do under Moonlet's limit) and a time limit (an infinite loop
# must still be running at its end):
#   expect: finished   lua5.4 exits 0
#   expect: error M    lua5.4 fails, the first line of its message being M
#   expect: budget     lua5.4 is still running when the time limit passes
# A script where Moonlet differs from lua5.4 on purpose (a yield across table.sort, say)
# states lua5.4's outcome in a `-- lua5.4: ` header line, which is checked instead.
# Usage: check.sh [NAME.lua ...]  (default: every script). Prints one line per mismatch.
cd "$(dirname "$0")" || exit 2
[ "$#" -eq 0 ] && set -- *.lua
status=0
for f in "$@"; do
  expect=$(sed -n 's/^-- lua5\.4: //p' "$f" | head -1)
  [ -n "$expect" ] || expect=$(sed -n 's/^-- expect: //p' "$f" | head -1)
  out=$( (ulimit -v 131072; timeout "${TIMEOUT:-5}" lua5.4 "$f" 2>&1 >/dev/null); echo "rc=$?")
  rc=${out##*rc=}
  msg=$(printf '%s\n' "${out%rc=*}" | head -1 | sed 's/^lua5.4: //')
  case "$rc" in
    0) got=finished ;;
    124) got=budget ;;
    *) got="error $msg" ;;
  esac
  if [ "$got" != "$expect" ]; then
    echo "$f: declares '$expect', lua5.4 gives '$got'"
    status=1
  fi
done
exit $status
