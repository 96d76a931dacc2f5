-- <close> variables are closed on every way out of their scope, in reverse order.
local function closer(name)
  return setmetatable({}, {__close = function(self, err) print("close", name, err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  print("in block")
end
local function ret()
  local x <close> = closer("ret")
  return "returned"
end
print(ret())
for i = 1, 2 do
  local y <close> = closer("loop" .. i)
  if i == 2 then break end
end
while true do
  local z <close> = closer("while")
  break
end
do
  local g <close> = closer("goto")
  goto after
end
::after::
print(pcall(function()
  local e <close> = closer("error")
  error("oops", 0)
end))
local function tail()
  local t <close> = closer("tail")
  return tostring("tail result")
end
print(tail())
local n <close> = nil
local f <close> = false
print("nil and false are allowed")
print(pcall(function() local bad <close> = {} end))
print(pcall(function() local bad <close> = 42 end))
local function multi()
  local m <close> = closer("multi")
  return 1, 2, 3
end
print(multi())
for i = 1, 2 do
  local c <close> = closer("continue" .. i)
  if i == 1 then goto continue end
  print("body", i)
  ::continue::
end
repeat
  local r <close> = closer("repeat")
  local stop = true
until stop
