-- Closures and coroutines made and dropped without end.
-- expect: budget
local i = 0
while true do
  i = i + 1
  local co = coroutine.create(function() return i end)
  coroutine.resume(co)
end
