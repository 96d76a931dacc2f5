-- Integer and float literals, integer division results, and the integer/float subtype.
print(3, 3.0, 3e0, 0x3, 0x3p0, 1e308 * 10 == 1/0)
print(7 // 2, 7.0 // 2, 7 / 7, 2^2, 10 // 3 * 3 + 10 % 3)
print(0xffffffffffffffff, 0x7fffffffffffffff + 0, 18446744073709551615)
print(1 == 1.0, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(100 // 1e0, 2^63 // 1, -2^63 // 1)
local t = {}
t[1.0] = "a"  t[2] = "b"  t[2^53] = "c"
print(t[1], t[2.0], t[2^53 // 1], #t)
