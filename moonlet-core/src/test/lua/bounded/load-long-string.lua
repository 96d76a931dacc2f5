-- load of a chunk holding a 4 MB long string literal.
-- expect: finished
local s = string.rep("x", 1 << 22)
local f = assert(load("return [[" .. s .. "]]"))
assert(#f() == 1 << 22)
