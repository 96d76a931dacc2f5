-- debug.getmetatable/setmetatable for every type, getregistry, getuservalue/setuservalue.
local protected = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(protected), type(debug.getmetatable(protected)), debug.getmetatable(protected).__index.x)
print(debug.getmetatable({}), debug.getmetatable(1), debug.getmetatable(nil))
print(debug.getmetatable("s").__index == string)

-- numbers
local mt = {__index = function(n, k) return k .. n end, __call = function(n, x) return n * x end}
print(debug.setmetatable(10, mt))
print((5).foo, (3)(4), debug.getmetatable(2) == mt)
print(debug.setmetatable(10, nil), debug.getmetatable(10))
-- booleans, nil, functions, threads
debug.setmetatable(true, {__len = function(b) return b and 1 or 0 end, __concat = function(a, b) return tostring(a) .. "&" .. tostring(b) end})
print(#true, #false, true .. false)
debug.setmetatable(false, nil)
print(pcall(function() return #true end))
debug.setmetatable(nil, {__index = function(_, k) return "nil." .. k end})
local nothing
print(nothing.field)
debug.setmetatable(nil, nil)
print(pcall(function() return nothing.field end))
debug.setmetatable(print, {__index = {kind = "function"}})
print(print.kind, (function() end).kind)
debug.setmetatable(print, nil)
local co = coroutine.create(function() end)
debug.setmetatable(co, {__index = {kind = "thread"}})
print(co.kind, coroutine.running().kind)
debug.setmetatable(co, nil)
-- tables and strings keep theirs
local t = {}
print(debug.setmetatable(t, {__index = {y = 2}}) == t, t.y)
print(debug.setmetatable(t, nil) == t, getmetatable(t))

-- errors
print(pcall(debug.setmetatable, 1))
print(pcall(debug.setmetatable, 1, 2))
print(pcall(debug.setmetatable, {}, "x"))
print(pcall(debug.getmetatable))

-- the registry
local reg = debug.getregistry()
print(type(reg), reg == debug.getregistry(), type(reg._LOADED), reg._LOADED.debug == debug)

-- user values: files have none
print(debug.getuservalue(io.stdout))
print(debug.getuservalue(io.stdout, 2))
print(debug.getuservalue(1), debug.getuservalue({}), debug.getuservalue())
print(debug.setuservalue(io.stdout, 10))
print(debug.setuservalue(io.stdout, 10, 3))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, io.stdout))
print(pcall(debug.setuservalue, io.stdout, 1, "x"))
print(pcall(debug.getuservalue, io.stdout, "x"))
