-- string.format doubling a string until memory runs out.
-- expect: error not enough memory
local s = "x"
while true do s = string.format("%s%s", s, s) end
