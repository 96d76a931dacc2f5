-- debug.traceback called 10,000 levels deep, forever.
-- expect: budget
local function deep(n) if n == 0 then while true do debug.traceback() end end return 1 + deep(n - 1) end
deep(10000)
