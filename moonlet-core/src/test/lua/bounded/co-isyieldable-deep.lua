-- coroutine.isyieldable asked forever, 50,000 calls deep inside a coroutine.
-- expect: budget
local function deep(n) if n == 0 then while true do coroutine.isyieldable() end end return 1 + deep(n - 1) end
coroutine.wrap(deep)(50000)
