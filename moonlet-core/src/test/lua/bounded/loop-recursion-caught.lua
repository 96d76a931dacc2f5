-- Non-tail recursion to a stack overflow, caught by pcall, three times over. Thirty locals a
-- level reach the stack limit well inside the memory limit.
-- expect: finished
local function f(n)
  local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30 = n
  return 1 + f(n + 1)
end
for i = 1, 3 do
  local ok, e = pcall(f, 0)
  assert(not ok and e:find("stack overflow"))
end
