-- An __eq that never returns.
-- expect: budget
local mt = {__eq = function() while true do end end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
return a == b
