-- An __index function that indexes its own table: Lua recursion through metamethods.
-- expect: error meta-index-function-cycle.lua:3: C stack overflow
local t = setmetatable({}, {__index = function(t, k) return t[k] end})
return t.x
