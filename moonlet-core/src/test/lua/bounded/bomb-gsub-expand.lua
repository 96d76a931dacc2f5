-- gsub replacing each byte of 1 MB by 1 KB: a gigabyte.
-- expect: error not enough memory
local s = string.rep("a", 1 << 20)
return s:gsub(".", string.rep("b", 1024))
