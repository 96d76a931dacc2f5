-- load with a reader returning a 2 MB chunk one byte at a time.
-- expect: finished
local src = "return " .. string.rep("1 + ", 500000) .. "1"
local i = 0
local f = assert(load(function() i = i + 1; return src:sub(i, i) end))
assert(f() == 500001)
