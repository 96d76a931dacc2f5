-- How numbers are written: %.14g for floats, with ".0" when they look like integers.
print(1e15, 1e16, 1e100, 1.0, -0.0, 0.0, 1/0, -1/0, 2^63, -2^63)
print(0.1, 1/3, 100.0, 123456789012345.0, 1234567890123456.0, 3.14159265358979)
print(0/0, -(0/0), tostring(0/0) == tostring(0/0))
print(255 // 1, 255 / 1, 1e2, 5 // 0.5, 2^53)
print(tostring(12), tostring(12.5), tostring(-12.0), 12 .. "", 12.0 .. "")
print(1e-5, 123e-7, 5e-324, 1.7976931348623157e308)
print(0x10, 0xA.8p0, 0x.1p4, 0x1p-2)
