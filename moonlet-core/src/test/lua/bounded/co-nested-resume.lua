-- Each coroutine resumes a new one inside it, without end: Lua's C stack runs out.
-- expect: error C stack overflow
local function nest()
  local ok, e = coroutine.resume(coroutine.create(nest))
  if not ok then error(e, 0) end
end
nest()
