-- gsub doubling a whole string with %0%0 until memory runs out.
-- expect: error not enough memory
local s = "x"
while true do s = s:gsub(".+", "%0%0") end
