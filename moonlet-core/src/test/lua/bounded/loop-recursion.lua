-- Non-tail recursion without end: the Lua stack overflows.
-- expect: error loop-recursion.lua:3: stack overflow
local function f(n) return 1 + f(n + 1) end
f(0)
