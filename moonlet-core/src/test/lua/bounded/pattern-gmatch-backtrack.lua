-- string.gmatch restarting a cubic match at every position.
-- expect: budget
local s = string.rep("a", 100000)
for w in s:gmatch(".-.-.-b") do end
