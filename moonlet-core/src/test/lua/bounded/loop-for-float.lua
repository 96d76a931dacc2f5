-- A float for loop with an infinite limit.
-- expect: budget
for x = 1.0, math.huge do end
