-- Inserting at the front of a growing list: each insert moves every element.
-- expect: budget
local t = {}
local i = 0
while true do i = i + 1; table.insert(t, 1, i) end
