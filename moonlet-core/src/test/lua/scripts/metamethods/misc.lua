-- __len, __unm, __concat with numbers, __tostring, __name, __metatable, __close names.
local v = setmetatable({}, {
  __len = function() return 3 end,
  __unm = function() return "neg" end,
  __tostring = function() return "V!" end,
  __name = "Vec",
})
print(#v, -v, tostring(v))
print(pcall(function() return #setmetatable({}, {__len = false}) end))
local named = setmetatable({}, {__name = "Point"})
print(pcall(function() return named + 1 end))
print(pcall(function() return named.x.y end))
print(pcall(setmetatable, named))
print(pcall(ipairs))
print(pcall(rawlen, setmetatable({}, {__name = "Thing"}), 1) )
print(pcall(function() local t = setmetatable({}, {__name = "Thing"}) return rawlen(5, t) end))
print(pcall(next, setmetatable({}, {__name = "Named"}), "nokey"))
print(pcall(rawget, setmetatable({}, {__name = "X"})))
print(pcall(setmetatable, {}, setmetatable({}, {__name = "MT"})) == true)
print(pcall(select, setmetatable({}, {__name = "Sel"})))
