function obj:m(x)
  print(x, ...)
end
