local a <const> = 1
local b = 2
b, a = 3, 4
