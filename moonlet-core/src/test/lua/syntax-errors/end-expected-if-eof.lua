if x then
  print(x)
else
  print(2)
