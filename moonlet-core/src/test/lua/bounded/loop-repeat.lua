-- An empty repeat loop.
-- expect: budget
repeat until false
