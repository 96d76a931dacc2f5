-- Calls from Lua to builtins: three million each of select('#', ...), rawget, math.abs and
-- pcall of a Lua function that returns two values.
local select, rawget, abs, pcall = select, rawget, math.abs, pcall
local t = {10, 20, 30}
local n = 0
for i = 1, 3000000 do
  n = n + select('#', i, i) + rawget(t, 2) + abs(-i)
end
local function two(x) return x, x end
for i = 1, 3000000 do
  local _, a, b = pcall(two, i)
  n = n + a - b
end
print(n)
