do
  x = 1
