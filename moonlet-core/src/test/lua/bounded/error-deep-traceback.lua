-- An uncaught error 150,000 calls deep: its traceback must not walk every level in one step.
-- expect: error error-deep-traceback.lua:3: bottom
local function deep(n) if n == 0 then error("bottom") end return 1 + deep(n - 1) end
deep(150000)
