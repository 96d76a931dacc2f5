-- An __concat that concatenates its operands again.
-- expect: error meta-concat-recursion.lua:3: C stack overflow
local mt = {__concat = function(a, b) return a .. b end}
return setmetatable({}, mt) .. "x"
