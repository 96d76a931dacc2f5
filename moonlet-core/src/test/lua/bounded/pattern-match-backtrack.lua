-- string.match with nested lazy repetitions and no possible match.
-- expect: budget
local s = string.rep("a", 100000)
return s:match("(a-)(a-)(a-)(a-)b")
