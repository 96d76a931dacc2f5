-- xpcall's handler runs at the error point, before to-be-closed variables are closed.
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
print(xpcall(function()
  local c <close> = closer("c")
  error("fail", 0)
end, function(m) print("handler", m) return "handled" end))
print(xpcall(function() error() end, function(m) return type(m) end))
print(xpcall(function() error(setmetatable({}, {__tostring = function() return "obj" end})) end, tostring))
local depth = 0
print(xpcall(function() error("x", 0) end, function(m) depth = depth + 1 if depth < 3 then error("again " .. depth, 0) end return "final " .. m end))
print(xpcall(xpcall, function(m) return "outer " .. m end, function() error("inner", 0) end, function(m) return "inner handler " .. m end))
print(xpcall(function() return xpcall(error, function(m) return "h1 " .. tostring(m) end, "e1", 0) end, print))
print(pcall(xpcall, function() error("p", 0) end, function(m) error(m .. "!", 0) end))
print(xpcall(function() local t = {} t.x.y = 1 end, function(m) return "H " .. m end))
print(xpcall(function(...) return select("#", ...) end, print, nil, nil))
print(pcall(xpcall, function() error("z", 0) end, setmetatable({}, {__call = function(self, m) return "callable " .. m end})))
