-- Exact comparisons between integers and floats, where doubles lose precision.
local big = 2^53            -- a float
local i = 9007199254740993  -- 2^53 + 1, an integer
print(i == big, i == big + 1, i > big, i < big + 2)
print(big == 9007199254740992, i - 1 == big)
print(9007199254740993 < 9007199254740994.0)
print(9223372036854775807 < 2^63, 9223372036854775807 == 2^63, 9223372036854775807 <= 2^63)
print(-9223372036854775807 - 1 == -2^63, -9223372036854775807 - 1 < -2^63)
print(1 == 1.0, -0.0 == 0, 0/0 == 0/0, 1 < 0/0, 1 >= 0/0, 0/0 ~= 0/0)
print(1/0 > 9223372036854775807, -1/0 < -9223372036854775807 - 1)
print(3 < 3.5, 3 <= 3.0, 4 > 3.99999, "a" < "b", "a" < "ab", "Z" < "a")
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return "10" < 9 end))
print(pcall(function() return nil >= 1 end))
