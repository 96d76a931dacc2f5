repeat
  x = x + 1
until
