local n = 0
for i = 1, 10 do
  if i % 2 == 0 then
    n = n + i
  elseif i == 7 then
    break
  else
    n = n - 1
  end
end
while n > 0 do
  n = n - 3
  if n == 5 then goto done end
end
repeat
  local m = n * 2
  n = n + 1
until m > 10
for k, v in ipairs({1, 2, 3}) do
  for j = 10, 1, -1 do
    if j < k then goto continue end
    print(k, v, j)
    ::continue::
  end
end
::done::
return n
