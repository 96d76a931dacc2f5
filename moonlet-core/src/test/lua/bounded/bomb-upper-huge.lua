-- upper, lower and reverse of an 8 MB string, a few times.
-- expect: finished
local s = string.rep("abc", 1 << 21)
for i = 1, 3 do s = s:upper():lower():reverse() end
assert(#s == 3 << 21)
