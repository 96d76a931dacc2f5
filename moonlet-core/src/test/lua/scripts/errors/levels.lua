-- error levels: 1 (default) names the caller of error, 2 its caller, 0 adds nothing.
local function lvl(n) error("at level " .. tostring(n), n) end
local function callsLvl(n)
  lvl(n)
end
print(pcall(callsLvl, 0))
print(pcall(callsLvl, 1))
print(pcall(callsLvl, 2))
print(pcall(callsLvl, 3))
print(pcall(callsLvl, 50))
print(pcall(function() error("default") end))
print(pcall(function() error("two", 2) end))
print(pcall(error, "direct", 1))
print(pcall(error, "direct", 2))
local function deep()
  local function inner() error("from inner", 3) end
  local function middle() inner() end
  middle()
end
print(pcall(deep))
print(pcall(function() error() end))
print(pcall(function() error(nil, 2) end))
print(pcall(function() error(12) end))
print(pcall(function() error(12.5, 1) end))
local t = {}
local ok, e = pcall(function() error(t) end)
print(ok, e == t)
ok, e = pcall(function() error(t, 2) end)
print(ok, e == t)
print(pcall(function() error(true) end))
print(pcall(function() error("x", -1) end))
print(pcall(function() error("x", 1.0) end))
print(pcall(function() error("x", "2") end))
print(pcall(function() error("x", "no") end))
print(pcall(function() error("x", 1.5) end))
