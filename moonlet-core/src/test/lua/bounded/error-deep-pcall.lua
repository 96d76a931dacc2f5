-- pcall nested in pcall without end: Lua's C stack runs out, and the error comes back out.
-- expect: error C stack overflow
local function nest()
  local ok, e = pcall(nest)
  if not ok then error(e, 0) end
end
nest()
