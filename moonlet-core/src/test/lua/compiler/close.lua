local function f()
  local x <close> = setmetatable({}, {__close = print})
  local y = 2
  return y
end
local function g(...)
  local a <close> = nil
  return g(...)
end
local function h()
  local t = {}
  local u = function() return t end
  if u then return u() end
  return 1, 2
end
do
  local c <close> = nil
  print(c)
end
for k, v in pairs({}) do
  local z <close> = v
end
