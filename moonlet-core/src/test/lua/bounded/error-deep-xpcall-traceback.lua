-- xpcall with debug.traceback as handler, 100,000 calls deep, three times.
-- expect: finished
local function deep(n) if n == 0 then error("bottom") end return 1 + deep(n - 1) end
for i = 1, 3 do
  local ok, tb = xpcall(deep, debug.traceback, 100000)
  assert(not ok and tb:find("stack traceback"))
end
