-- table.move of 5 million (nil) elements in one call.
-- expect: finished
local t = table.move({}, 1, 5000000, 1, {})
assert(next(t) == nil)
