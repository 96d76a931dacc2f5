-- table.move of 30 million (nil) elements in one call.
-- expect: finished
local t = table.move({}, 1, 30000000, 1, {})
assert(next(t) == nil)
