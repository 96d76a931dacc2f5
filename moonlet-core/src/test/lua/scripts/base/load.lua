-- load: strings and reader functions, chunk names, modes, environments, errors.
print(load("return 1 + 1")())
print(load("return ...", "chunk")(1, 2, 3))
local f, err = load("return +")
print(f, err)
print(load("x = ", "=mychunk"))
print(load("x = ", "@file.lua"))
print(type(load("error('here')", "=named")))
print(pcall(load("error('here')", "=named")))
print(pcall(load("error('here')")))
print(pcall(load("\n\nerror('line three')", "@some/file.lua")))
print(pcall(load("local x = 1\nerror('x')", "a long chunk\nwith two lines")))
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
print(pcall(load(function() return nil end)))
i = 0
print(type(load(function() i = i + 1 return ({"error(", "'r'", ")"})[i] end)))
i = 0
print(pcall(load(function() i = i + 1 return ({"error(", "'r'", ")"})[i] end)))
print(pcall(load, function() return {} end))
print(pcall(load, function() error("reader failed") end))
i = 0
print(pcall(load, function() i = i + 1 return ({"return 1", 7, "+"})[i] end))
print(type(load(function() return "" end)))
i = 0
print(load(function() i = i + 1 return ({"return ", 12, ".5"})[i] end)())
i = 0
print(load(function() i = i + 1 if i == 1 then return "return 'a'" elseif i == 2 then return "" else return "junk" end end)())
local env = {y = 5}
local g = load("y = y + 1 return y", "env chunk", "t", env)
print(g(), env.y, y)
print(load("return _ENV", "c", "t", nil)())
print(pcall(load("return x.y", "=c", "t", nil)))
print(load("return 1", "binary only", "b"))
print(load("\27Lua", "text only", "t"))
print(pcall(load, "return 1", "c", "x"))
print(pcall(load))
print(pcall(load, 1))
print(pcall(load, {}))
print(load("return ...")("vararg"))
local big = "return 0"
for k = 1, 200 do big = big .. " + " .. k end
print(load(big)())
print(load("return _ENV == ...")(_G), load("return _ENV")() == _G)
print(type(load("  -- comment only")))
print(select("#", load("  -- comment only")()))
print(load("#!shebang\nreturn 1"))
print(pcall(load("\n\nreturn x + 1", "=(three)")))
print(load("return [[\n", "=unfinished"))
print(load("x = 'unfinished", "=s"))
print(load("goto nowhere", "=g"))
print(load("local x <const> = 1; x = 2", "=k"))
print(load("break", "=b"))
