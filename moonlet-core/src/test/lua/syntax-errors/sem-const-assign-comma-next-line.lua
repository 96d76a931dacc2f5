local x <const> = 1
local y
x
,
y
=
2, 3
