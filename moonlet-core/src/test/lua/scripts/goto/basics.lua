-- goto: continue-style loops, backward jumps, nested blocks, closures in loops with goto.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  print("odd", i)
  ::continue::
end
local n = 0
::top::
n = n + 1
if n < 3 then goto top end
print("n", n)
do
  goto skip
  print("skipped")
  ::skip::
end
local fs = {}
do
  local i = 1
  ::again::
  local x = i
  fs[#fs + 1] = function() return x end
  i = i + 1
  if i <= 3 then goto again end
end
print(fs[1](), fs[2](), fs[3]())
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    print(i, j)
  end
  ::next_i::
end
while true do
  goto out
end
::out::
print("out")
local function f()
  do goto e end
  ::e::
  return "e"
end
print(f())
