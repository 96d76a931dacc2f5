-- Two hundred coroutines, each suspended 1,000 calls deep.
-- expect: finished
local function deep(n) if n == 0 then coroutine.yield() else deep(n - 1) end end
local t = {}
for i = 1, 200 do
  t[i] = coroutine.create(deep)
  assert(coroutine.resume(t[i], 1000))
end
for i = 1, 200 do assert(coroutine.resume(t[i])) end
