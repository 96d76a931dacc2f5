-- A string doubled by .. until memory runs out.
-- expect: error not enough memory
local s = "x"
while true do s = s .. s end
