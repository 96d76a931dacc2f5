local f = function(x)
  return x

print(f)
