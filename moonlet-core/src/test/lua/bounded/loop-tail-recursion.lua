-- Tail recursion forever: no stack grows, so nothing ends it but the budget.
-- expect: budget
local function f(n) return f(n + 1) end
f(0)
