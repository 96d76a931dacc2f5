function f()
  return "x
end
