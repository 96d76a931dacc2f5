-- A __tostring that calls tostring on its own value.
-- expect: error C stack overflow
local t = setmetatable({}, {__tostring = function(self) return tostring(self) end})
return tostring(t)
