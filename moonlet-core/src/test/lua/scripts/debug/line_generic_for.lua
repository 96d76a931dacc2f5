-- A generic for whose 'do' is on a line of its own: TFORPREP belongs to the line of 'do', and
-- the jump from it to TFORCALL is no new line for the hook (lvm.c goes straight into the call).
local lines = {}
local f = load("for k in\n  pairs({})\ndo\nend", "=src")
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
f()
debug.sethook()
print(table.concat(lines, ","))
