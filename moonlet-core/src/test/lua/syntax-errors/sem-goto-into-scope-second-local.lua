local a = 1
do
  goto skip
  local b, c = 2, 3
  ::skip:: ::other::
  print(b)
end
