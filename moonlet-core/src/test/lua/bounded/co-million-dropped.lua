-- 200,000 coroutines created, run to their end and dropped.
-- expect: finished
local n = 0
for i = 1, 200000 do
  local co = coroutine.wrap(function(x) return x + 1 end)
  n = co(n)
end
assert(n == 200000)
