-- Finalizers that resurrect their object into a global list, 100,000 objects.
-- expect: finished
saved = {}
local mt = {__gc = function(o) saved[#saved + 1] = o end}
for i = 1, 100000 do setmetatable({}, mt) end
collectgarbage()
collectgarbage()
assert(#saved == 100000)
