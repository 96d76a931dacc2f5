-- A numeric for loop over every integer: it ends in theory, never in practice.
-- expect: budget
local n = 0
for i = 1, math.maxinteger do n = n + 1 end
