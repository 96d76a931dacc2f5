-- Each closure captures the previous one: a chain of upvalues without end.
-- expect: error not enough memory
local f = function() return 0 end
while true do local g = f; f = function() return g() end end
