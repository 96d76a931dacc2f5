-- string.byte of a whole 16 MB string: more results than the stack holds.
-- expect: error bomb-string-byte.lua:4: stack overflow (string slice too long)
local s = string.rep("x", 1 << 24)
return string.byte(s, 1, -1)
