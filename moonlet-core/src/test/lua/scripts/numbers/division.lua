-- Floor division and modulo follow the sign rules for integers and floats.
for _, a in ipairs({7, -7, 7.0, -7.0}) do
  for _, b in ipairs({3, -3, 3.0, -3.0}) do
    print(a, b, a // b, a % b, a / b)
  end
end
print(5.5 // 2, 5.5 % 2, -5.5 // 2, -5.5 % 2)
print(1 // 0.0, -1 // 0.0, 0/0 // 1, 1 % 0.0, 1 % (1/0), -1 % (1/0), 1 % (-1/0))
print(-9223372036854775807 - 1 // 1, (-9223372036854775807 - 1) % -1)
print(3 % -2, -3 % 2, 3.0 % -2, -3.0 % 2, 5 % 3.5)
print(2^2, 2^-1, (-2)^2, 7 / 2, 6 / 2, 1e308 * 10)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(pcall(function() local z = 0 return 10 // z end))
print(pcall(function() local z = 0 return 10 % z end))
