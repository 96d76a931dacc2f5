-- The debug library's contents, setcstacklimit (a no-op in 5.4), and require.
local names = {}
for k, v in pairs(debug) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(require("debug") == debug, package.loaded.debug == debug)
print(debug.setcstacklimit(100), debug.setcstacklimit(0))
print(pcall(debug.setcstacklimit))
print(pcall(debug.setcstacklimit, "x"))
