function f(a, b
  return 1
end
