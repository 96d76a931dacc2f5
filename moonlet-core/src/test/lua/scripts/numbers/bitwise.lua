-- Bitwise operators work on integers and on floats with an exact integer value;
-- strings are not coerced (the string library has no bitwise metamethods).
print(3 & 5, 3 | 5, 3 ~ 5, ~0, 1 << 62, 1 << 63, 1 << 64, -1 >> 1, 2 >> -1, 1 << -1)
print(3.0 & 5, 2.0^10 | 0, ~5.0, -0.0 | 0)
print(-1 >> 63, -1 << 70, 0xff >> 4, 5 // 1 | 0)
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return 2^64 | 0 end))
print(pcall(function() return "3" & 1 end))
print(pcall(function() return "1.5" | 0 end))
print(pcall(function() return {} | 0 end))
print(pcall(function() local s = "abc" return s ~ 1 end))
print(pcall(function() local t = {} return ~t.x end))
print(pcall(function() local f = 2.5 return 1 << f end))
