-- Finalizers that raise errors: Lua only warns about them.
-- expect: finished
for i = 1, 1000 do setmetatable({}, {__gc = function() error("in __gc") end}) end
collectgarbage()
collectgarbage()
