local k <const> = true
repeat
  k = false
until k
