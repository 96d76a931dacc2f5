-- String operations in a loop that never ends: each call is short, the loop is not.
-- expect: budget
local s = "hello world"
while true do s = s:upper():lower():reverse():sub(1, 11) end
