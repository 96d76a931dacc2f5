-- Errors with 4 MB messages raised and caught a hundred times.
-- expect: finished
local s = string.rep("x", 1 << 22)
for i = 1, 100 do
  local ok, e = pcall(error, s, 0)
  assert(not ok and #e == 1 << 22)
end
