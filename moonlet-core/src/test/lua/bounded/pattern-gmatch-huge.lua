-- gmatch over every byte of a 4 MB string: long but linear.
-- expect: finished
local s = string.rep("ab", 2000000)
local n = 0
for c in s:gmatch("a") do n = n + 1 end
assert(n == 2000000)
