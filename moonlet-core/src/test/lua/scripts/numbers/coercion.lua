-- Strings convert to numbers in arithmetic (through the string metamethods) and numbers to
-- strings in concatenation.
print("10" + 1, "10" * "2", "3.0" + 1, "0x10" + 0, 10 .. 20, 1.5 .. "", -"2", "10" // "3")
print("1e1" - 0, " 5 " + 0, 2^"2", "7" % 4)
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() local t = {} return "x" .. t.y end))
print(pcall(function() return 1 + nil end))
print(pcall(function() local b = true return -b end))
print(10 == "10", "abc" < "abd", #"hello", -(-3))
