-- Non-tail recursion without end: the Lua stack overflows.
-- Thirty locals a level reach lua's 1,000,000-slot stack limit about 32,000 calls deep,
-- well inside the memory limit (a one-slot level would need more memory than the limit first).
-- expect: error loop-recursion.lua:7: stack overflow
local function f(n)
  local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30 = n
  return 1 + f(n + 1)
end
f(0)
