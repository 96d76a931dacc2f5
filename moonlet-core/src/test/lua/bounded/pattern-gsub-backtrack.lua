-- string.gsub trying a cubic match at every position.
-- expect: budget
local s = string.rep("a", 100000)
return s:gsub(".-.-.-b", "")
