-- An error unwinding 10,000 levels, each with a __close handler, five times.
-- expect: finished
local closed = 0
local mt = {__close = function() closed = closed + 1 end}
local function nest(n)
  local x <close> = setmetatable({}, mt)
  if n == 0 then error("bottom") end
  nest(n - 1)
end
for i = 1, 5 do assert(not pcall(nest, 10000)) end
assert(closed == 5 * 10001)
