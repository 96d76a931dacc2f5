local a <const> = 1
local b = 2
a, b = 3, 4
