-- An error thrown from 150,000 calls deep inside a coroutine, caught by resume.
-- expect: finished
local function deep(n) if n == 0 then error("bottom") end return 1 + deep(n - 1) end
local ok, e = coroutine.resume(coroutine.create(deep), 150000)
assert(not ok and e:find("bottom"))
