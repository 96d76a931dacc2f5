if x then
elseif y
  print(y)
end
