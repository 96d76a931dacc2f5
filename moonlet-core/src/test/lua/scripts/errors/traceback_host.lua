-- The main chunk is called by the host (lua.c calls it from C), so tracebacks of the main
-- coroutine end with "[C]: in ?"; a coroutine's end with its body.
local function f() return debug.traceback("in f") end
print(f())
print(debug.traceback("beyond", 2))
print(xpcall(error, debug.traceback, "caught"))
print(coroutine.wrap(function() return debug.traceback("in co") end)())
local function r(n) if n == 0 then error("deep") end return 1 + r(n - 1) end
print(xpcall(r, debug.traceback, 25))
