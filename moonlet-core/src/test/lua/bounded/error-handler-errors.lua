-- A message handler that raises errors itself.
-- expect: finished
local ok, e = xpcall(error, function(m) error(m) end, "x")
assert(not ok)
