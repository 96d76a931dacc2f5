-- A stack overflow inside a coroutine, caught by resume.
-- expect: finished
local function f() return 1 + f() end
local ok, e = coroutine.resume(coroutine.create(f))
assert(not ok and e:find("stack overflow"))
