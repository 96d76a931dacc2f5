-- package.searchers, package.preload and package.loaded with metamethods.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  print(table.concat(t, " | "))
end
package.path = ""
package.cpath = ""
show(type(package.searchers), #package.searchers, type(package.preload), package.loaded._G == _G)

print("-- preload")
package.preload.pre = function(...) show("preload loader", ...) return "preloaded" end
show(require("pre"))
show(require("pre"))
show(package.searchers[1]("pre") ~= nil, select(2, package.searchers[1]("pre")))
show(package.searchers[1]("nothing"))
show(package.searchers[2]("nothing"))
show(package.searchers[3]("nothing"))
show(package.searchers[4]("nothing"))
show(package.searchers[4]("a.b"))
show(pcall(function() return package.searchers[1]() end))

print("-- a searcher of one's own")
table.insert(package.searchers, 1, function(name)
  if name == "custom" then return function(...) return "custom module", ... end, "its data" end
  return 5
end)
show(require("custom"))
show(pcall(require, "zz"))
package.searchers[1] = function() return nil, "ignored" end
show(pcall(require, "zz"))
package.searchers[1] = function() return {} end
show(pcall(require, "zz"))
table.remove(package.searchers, 1)
show(pcall(require, "zz"))
local saved = package.searchers
package.searchers = nil
show(pcall(require, "zz"))
package.searchers = saved

print("-- searchers' errors propagate")
table.insert(package.searchers, 1, function() error("searcher failed") end)
show(pcall(require, "zz"))
table.remove(package.searchers, 1)
package.preload.failing = function() error("loader failed", 0) end
show(pcall(require, "failing"))

print("-- package.loaded and package.preload are read with their metamethods")
setmetatable(package.loaded, {__index = function(_, k) if k == "virtual" then return "virtual module" end end})
show(require("virtual"))
setmetatable(package.loaded, {__newindex = function(t, k, v) rawset(t, k, "wrapped " .. tostring(v)) end})
package.preload.wrapme = function() return "value" end
show(require("wrapme"))
setmetatable(package.loaded, nil)
setmetatable(package.preload, {__index = function(_, k) if k == "lazy" then return function() return "lazy module" end end end})
show(require("lazy"))
setmetatable(package.preload, nil)

print("-- loadlib: no native libraries")
show(select("#", package.loadlib("x", "y")), (package.loadlib("x", "y")))
show(pcall(package.loadlib, "x"))
show(package.config == "/\n;\n?\n!\n-\n")
