-- A table that is its own __index: the shortest cycle.
-- expect: error meta-index-self-cycle.lua:5: '__index' chain too long; possible loop
local t = {}
setmetatable(t, {__index = t})
return t.missing
