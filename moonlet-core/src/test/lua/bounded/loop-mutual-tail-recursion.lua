-- Two functions tail-calling each other forever.
-- expect: budget
local g
local function f(n) return g(n + 1) end
function g(n) return f(n + 1) end
f(0)
