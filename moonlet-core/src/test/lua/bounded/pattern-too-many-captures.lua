-- Forty nested captures: more than Lua allows.
-- expect: error pattern-too-many-captures.lua:3: too many captures
return string.find("a", string.rep("(", 40) .. "a" .. string.rep(")", 40))
