-- gmatch over every byte of a 1 MB string: long but linear.
-- expect: finished
local s = string.rep("ab", 500000)
local n = 0
for c in s:gmatch("a") do n = n + 1 end
assert(n == 500000)
