-- hello.lua: the first program Moonlet runs.
local function greet(name)
  return ("Hello, %s, from %s!"):format(name, _VERSION)
end

print(greet("world"))

-- A coroutine that yields the squares, consumed by a generic for.
local squares = coroutine.wrap(function()
  for i = 1, 5 do coroutine.yield(i * i) end
end)
local list = {}
for sq in squares do list[#list + 1] = sq end
print(table.concat(list, " "))
