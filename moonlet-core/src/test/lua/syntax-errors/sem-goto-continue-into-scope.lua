for i = 1, 3 do
  goto continue
  local x = i
  ::continue::
  print(x)
end
