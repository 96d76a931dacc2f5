while x do
  x = x - 1
