-- Two tables whose __newindex fields point at each other.
-- expect: error meta-newindex-table-cycle.lua:6: '__newindex' chain too long; possible loop
local a, b = {}, {}
setmetatable(a, {__newindex = b})
setmetatable(b, {__newindex = a})
a.missing = 1
