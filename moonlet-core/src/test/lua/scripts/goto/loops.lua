-- goto as continue in while and repeat, and jumping out of nested loops with closures alive.
local i = 0
while i < 5 do
  i = i + 1
  if i == 3 then goto continue end
  print("while", i)
  ::continue::
end
local j = 0
repeat
  j = j + 1
  if j % 2 == 1 then goto cont end
  print("repeat", j)
  ::cont::
until j >= 6
local saved = {}
for a = 1, 3 do
  for b = 1, 3 do
    saved[#saved + 1] = function() return a * 10 + b end
    if a * b == 4 then goto done end
  end
end
::done::
print(#saved, saved[1](), saved[#saved]())
local function find(matrix, value)
  for r, row in ipairs(matrix) do
    for c, v in ipairs(row) do
      if v == value then goto found end
    end
  end
  do return nil end
  ::found::
  return "found"
end
print(find({{1, 2}, {3, 4}}, 4), find({{1}}, 9))
local k = 0
::redo::
k = k + 1
if k < 1000 then goto redo end
print(k)
