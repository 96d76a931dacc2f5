local a <const> = 2 ^ 10
local b <const> = a * 2
b = a
