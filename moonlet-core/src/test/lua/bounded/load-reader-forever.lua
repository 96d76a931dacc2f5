-- load with a reader function that never returns the end: load reports the memory error.
-- expect: error not enough memory
local f, e = load(function() return "x = 1 " end)
error(e, 0)
