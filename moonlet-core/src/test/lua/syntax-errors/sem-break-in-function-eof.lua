function f()
  do break end
end