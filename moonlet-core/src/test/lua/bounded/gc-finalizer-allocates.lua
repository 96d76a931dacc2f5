-- Each finalizer allocates a new finalizable object and a 64 KB string.
-- expect: finished
local count = 0
local mt = {}
mt.__gc = function()
  count = count + 1
  if count < 50 then setmetatable({string.rep("x", 65536)}, mt) end
end
setmetatable({}, mt)
for i = 1, 100 do collectgarbage() end
assert(count == 50)
