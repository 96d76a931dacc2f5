-- Non-tail recursion to a stack overflow, caught by pcall, three times over.
-- expect: finished
local function f(n) return 1 + f(n + 1) end
for i = 1, 3 do
  local ok, e = pcall(f, 0)
  assert(not ok and e:find("stack overflow"))
end
