-- Distinct strings kept without end.
-- expect: error not enough memory
local t = {}
local i = 0
while true do i = i + 1; t[i] = tostring(i) .. "-" .. i end
