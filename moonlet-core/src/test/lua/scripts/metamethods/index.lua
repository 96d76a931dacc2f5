-- __index and __newindex: functions, tables, chains, and rawget/rawset bypass.
local base = {greet = function(self) return "hello " .. self.name end}
base.__index = base
local obj = setmetatable({name = "moon"}, base)
print(obj:greet(), obj.missing, rawget(obj, "greet"))
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k)
  calls = calls + 1
  local v = k * 2
  rawset(t, k, v)
  return v
end})
print(lazy[5], lazy[5], lazy[6], calls)
local log = {}
local guarded = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
guarded.a = 1
guarded.b = nil
guarded[1] = true
print(#log, log[1], log[2], log[3], rawget(guarded, "a"))
local existing = setmetatable({x = 1}, {__newindex = function() error("not called") end})
existing.x = 2
print(existing.x)
local deep = {}
local level = deep
for i = 1, 20 do
  local nextLevel = {}
  setmetatable(level, {__index = nextLevel})
  level = nextLevel
end
level.bottom = "found"
print(deep.bottom)
local target = {}
local redirect = setmetatable({}, {__newindex = setmetatable({}, {__newindex = target})})
redirect.k = "v"
print(target.k, rawget(redirect, "k"))
print(pcall(function() local t = setmetatable({}, {__index = 5}) return t.x end))
print(pcall(function() local t = setmetatable({}, {__newindex = true}) t.x = 1 end))
local strIndex = setmetatable({}, {__index = "abc"})
print(strIndex.len == string.len)
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(function() return loop.x end))
local nloop = setmetatable({}, {})
getmetatable(nloop).__newindex = nloop
print(pcall(function() nloop.x = 1 end))
