-- Appending one byte at a time: every .. copies the whole string.
-- expect: budget
local s = ""
while true do s = s .. "x" end
