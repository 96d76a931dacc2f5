-- A __newindex function that assigns to its own table again.
-- expect: error meta-newindex-function-cycle.lua:3: C stack overflow
local t = setmetatable({}, {__newindex = function(t, k, v) t[k] = v end})
t.x = 1
