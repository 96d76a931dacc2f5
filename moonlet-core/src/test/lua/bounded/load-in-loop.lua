-- load of small chunks forever.
-- expect: budget
local i = 0
while true do i = i + 1; load("return " .. i)() end
