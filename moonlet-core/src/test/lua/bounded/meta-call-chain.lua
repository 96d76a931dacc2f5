-- A chain of 100 tables, each the __call of the one before, called 10,000 times.
-- expect: finished
local f = function(...) return select("#", ...) end
for i = 1, 100 do f = setmetatable({}, {__call = f}) end
for i = 1, 10000 do assert(f() == 100) end
