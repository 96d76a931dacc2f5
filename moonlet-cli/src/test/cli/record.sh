#!/usr/bin/env bash
# Records what lua5.4 does for command-line cases, as moonlet must do it.
# usage: record.sh NAME...   (run from anywhere; each case is NAME.args in this folder)
#
# A case is NAME.args (one argument per line), optionally NAME.env (VAR=value lines: the
# whole environment) and NAME.stdin. lua5.4 runs in moonlet-cli/ (the tests' working
# directory) and its stdout, stderr and exit status become NAME.out, NAME.err, NAME.status,
# with the differences moonlet is meant to have written in: its name ("lua5.4:" becomes
# "moonlet:"), its version banner, and its usage text (lua's, then moonlet's extras).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
extras="$(mktemp)"
trap 'rm -f "$extras"' EXIT
# Moonlet's usage lines after lua's, from CommandLine.USAGE.
sed -n '/+ "Moonlet.s extras/,/+ "  -l file.lua/p' "$module/src/main/java/dev/moonlet/cli/CommandLine.java" \
  | sed -e 's/^ *+ "//' -e 's/\\n";\?$//' -e "s/\\\\'/'/g" > "$extras"
for name in "$@"; do
  name="${name%.args}"
  name="$(basename "$name")"
  mapfile -t args < "$here/$name.args"
  envs=()
  [ -f "$here/$name.env" ] && mapfile -t envs < "$here/$name.env"
  stdin=/dev/null
  [ -f "$here/$name.stdin" ] && stdin="$here/$name.stdin"
  set +e
  (cd "$module" && env -i "${envs[@]}" lua5.4 "${args[@]}" < "$stdin" > "$here/$name.out" 2> "$here/$name.err")
  echo $? > "$here/$name.status"
  set -e
  sed -i -e 's/\<lua5\.4\>/moonlet/g' \
      -e 's/^Lua 5\.4\.[0-9]*  Copyright (C) 1994-20[0-9]* Lua\.org, PUC-Rio$/Moonlet 0.1 (Lua 5.4)/' \
      "$here/$name.out" "$here/$name.err"
  if grep -q '^  -         stop handling options and execute stdin$' "$here/$name.err"; then
    sed -i "/^  -         stop handling options and execute stdin\$/r $extras" "$here/$name.err"
  fi
  echo "recorded $name: status $(cat "$here/$name.status")"
done
