local a = 1
local b <constant>
= 2
