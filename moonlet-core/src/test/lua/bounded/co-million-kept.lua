-- A million suspended coroutines, all kept.
-- expect: error not enough memory
local t = {}
for i = 1, 1000000 do
  local co = coroutine.create(function() coroutine.yield() end)
  coroutine.resume(co)
  t[i] = co
end
