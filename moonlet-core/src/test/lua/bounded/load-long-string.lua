-- load of a chunk holding a 16 MB long string literal.
-- expect: finished
local s = string.rep("x", 1 << 24)
local f = assert(load("return [[" .. s .. "]]"))
assert(#f() == 1 << 24)
