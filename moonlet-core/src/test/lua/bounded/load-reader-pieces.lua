-- load with a reader returning a 400 KB chunk one byte at a time.
-- expect: finished
local src = "return " .. string.rep("1 + ", 100000) .. "1"
local i = 0
local f = assert(load(function() i = i + 1; return src:sub(i, i) end))
assert(f() == 100001)
