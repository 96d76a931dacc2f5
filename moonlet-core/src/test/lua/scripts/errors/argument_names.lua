-- A bad argument names the function as its call site does; else by where it is found in
-- the loaded modules ("string.rep", "print" without "_G."); else '?'.
print(pcall(io.stdin.close))
print(pcall(io.stdout.write, 1))
print(pcall(io.stdout.seek, io.stdout, "bad"))
print(pcall(ipairs({}), {}, "x"))
print(pcall(string.rep))
print(pcall(("x").rep))
print(pcall(setmetatable))
print(pcall(coroutine.wrap(string.rep)))
local f = string.rep
print(pcall(function() return f() end))
print(pcall(function() return ("x"):rep() end))
print(pcall(function() return io.stdout:seek("bad") end))
local mine = {}
package.loaded.mine = mine
mine.rep = string.rep
string.rep = nil
print(pcall(mine.rep))
string.rep = mine.rep
