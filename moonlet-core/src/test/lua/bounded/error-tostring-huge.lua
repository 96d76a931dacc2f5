-- An error value whose __tostring builds a 16 MB string.
-- expect: finished
local e = setmetatable({}, {__tostring = function() return string.rep("x", 1 << 24) end})
local ok, v = pcall(error, e)
assert(#tostring(v) == 1 << 24)
