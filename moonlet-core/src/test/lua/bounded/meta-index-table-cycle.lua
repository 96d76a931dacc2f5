-- Two tables whose __index fields point at each other.
-- expect: error meta-index-table-cycle.lua:6: '__index' chain too long; possible loop
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
return a.missing
