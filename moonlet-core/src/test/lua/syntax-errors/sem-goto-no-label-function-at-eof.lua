function f()
  goto a
end