local t = {}
for i = 1, 10 do
  t[i] = i * 2
end
local function sum(t)
  local s = 0
  for _, v in ipairs(t) do s = s + v end
  return s
end
print(sum(t)
