-- string.find with a pattern that backtracks cubically over 100,000 bytes.
-- expect: budget
local s = string.rep("a", 100000)
return s:find(".-.-.-b")
