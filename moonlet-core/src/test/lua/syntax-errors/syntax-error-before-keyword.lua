x.y
local z = 1
