-- Errors inside __close: the new error replaces the old one; later closes still run.
local function closer(name, fail)
  return setmetatable({}, {__close = function(self, err)
    print("close", name, err)
    if fail then error(name .. " failed", 0) end
  end})
end
print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", true)
  local c <close> = closer("c")
  return "body ok"
end))
print(pcall(function()
  local a <close> = closer("a", true)
  local b <close> = closer("b", true)
  error("body error", 0)
end))
print(pcall(function()
  local x <close> = setmetatable({}, {__close = function() error({}) end})
end) == false)
local ok, e = pcall(function()
  local t <close> = setmetatable({}, {__close = function(_, err) error("close error") end})
  return 1
end)
print(ok, e)
print(pcall(function()
  local t <close> = setmetatable({}, {})
  getmetatable(t).__close = nil
end))
print(pcall(function()
  local m = {__close = function() print("closing removed-later") end}
  local t <close> = setmetatable({}, m)
  m.__close = nil
end))
print(load("local x <close> = 1; x = 2", "=c"))
print(load("local x <foo> = 1", "=d"))
print(load("local a <close>, b <close> = 1, 2", "=e"))
