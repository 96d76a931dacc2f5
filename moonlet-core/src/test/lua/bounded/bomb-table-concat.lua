-- table.concat of a million references to a 1 KB string: a gigabyte.
-- expect: error not enough memory
local piece = string.rep("x", 1024)
local t = {}
for i = 1, 1000000 do t[i] = piece end
return table.concat(t)
