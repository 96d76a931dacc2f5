#!/bin/sh
# Records NAME.expected beside each NAME.lua of this folder (or of the files given) with the
# message PUC-Rio Lua gives when the file is fed to it on stdin: `lua5.4 - < NAME.lua` prints
# "lua5.4: MESSAGE" on stderr, and NAME.expected holds MESSAGE and a newline.
# Files named sem-*.lua (errors found by the compiler) are recorded the same way.
# A file that luac5.4 -p accepts is refused: lua5.4 would run it instead of rejecting it.
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.lua
status=0
for f in "$@"; do
    f=$(basename "$f")
    if luac5.4 -p - < "$f" 2>/dev/null; then
        echo "refused $f: it parses, so it is no syntax error" >&2
        status=1
        continue
    fi
    # Keep every line of the message (a quoted token may hold newlines), drop the prefix.
    lua5.4 - < "$f" 2>&1 >/dev/null | sed '1s/^lua5\.4: //' > "${f%.lua}.expected" || true
done
exit $status
