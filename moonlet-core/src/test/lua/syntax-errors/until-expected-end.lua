repeat
  x = x + 1
end
