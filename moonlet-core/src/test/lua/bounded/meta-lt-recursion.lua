-- An __lt that compares its operands again.
-- expect: error meta-lt-recursion.lua:3: C stack overflow
local mt = {__lt = function(a, b) return a < b end}
return setmetatable({}, mt) < setmetatable({}, mt)
