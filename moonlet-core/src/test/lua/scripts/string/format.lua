-- string.format: every conversion with flags, width and precision, %q, and the errors.
local line = {}
local function write(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(line)) line = {} end
local F = string.format
print(F("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%.0d] [%5.0d] [%i]", 42, 42, 42, -42, 5, 5, 7, 0, 0, -9))
print(F("[%d] [%d] [%d] [%d] [%d]", math.maxinteger, math.mininteger, 3.0, "10", " 0x10 "))
print(F("[%u] [%o] [%#o] [%#o] [%x] [%X] [%#x] [%#X] [%#010x] [%08X]", -1, 8, 8, 0, 255, 255, 255, 0, 255, 0xFFFFFFFF))
print(F("[%x] [%x] [%x] [%02x] [%+08d] [%+08d] [%013i] [%2.5d] [%.u]", -1, math.mininteger, 0.0, 0.0, 31501, -30927, -100, -100, 0))
print(F("[%c] [%5c] [%-5c] [%c]", 65, 65, 65, 256 + 66) .. F("%c%c%c", 0, 1, 255):byte(1, -1))
print(F("[%f] [%.2f] [%.0f] [%.0f] [%.0f] [%10.3f] [%-10.3f] [%+.1f] [%010.2f]", 1.5, 2.675, 0.5, 1.5, 2.5, -3.14159, 3.14159, 0.05, -1.5))
print(F("[%#.0f] [%+#014.0f] [%f] [%f] [%f] [%05f] [%-6f] [%+f] [% f]", 1, 100, -0.0, 1/0, -1/0, 1/0, -1/0, 1/0, 1/0))
print(F("[%e] [%e] [%.0e] [%#.0e] [%E] [%.3e] [%12.4E]", 0, 12345.6789, 12345, 12345, 1e-300, 9.9995, -0.000123))
print(F("[%g] [%g] [%g] [%g] [%g] [%g] [%.3g] [%#g] [%G] [%.0g] [%+.3G]", 100000, 1000000, 1e-4, 1e-5, 0.1, 1/3, 1234.5, 1.0, 1e-10, 123, 1.5))
print(F("[% .1g] [% 1.0E] [%.14g] [%.17g] [%g] [%g]", 2^10, 100, 2^53, 0.1, 1e300, -1e-300))
print(F("[%a] [%a] [%A] [%a] [%a] [%.1a] [%.0a] [%.3a] [%a] [%a]", 1, 0.1, -255.5, 0.0, -0.0, 1.0, 1.5, math.pi, 5e-324, 1e308))
print(F("[%010a] [%+.2A] [%.4A] [%#a] [%-12a]", 1, 12, -12, 1, 2))
print(#F("%.99f", 1e300), F("%.99f", 0.1):sub(1, 30), #F("%99.99f", -1.5))
print(F("[%s] [%10s] [%-10s] [%.2s] [%5.1s] [%.0s] [%.s]", "hello", "hi", "hi", "hello", "xyz", "alo", "alo"))
print(F("[%s] [%s] [%s] [%s] [%s %s] [%s %.4s] [%.3s %.3s]", 1.5, 10, 1e100, -0.0, nil, true, false, true, false, true))
print(F("%s", "a\0b") == "a\0b", #F("%s", string.rep("x", 150)), #F("%5s", string.rep("y", 120)), F("%.3s", string.rep("z", 120)))
local m = setmetatable({}, {__tostring = function() return "hello" end, __name = "hi"})
print(F("%s %.10s|%8s|", m, m, m))
getmetatable(m).__tostring = nil
print(F("%.4s", m))
getmetatable(m).__tostring = function() return 42 end
print(F("%s", m))
print(F("%%"), F("100%% sure %d%%", 5), F(""), F("plain"), F("%s\0 is not \0%s", "not be", "be") == "not be\0 is not \0be")
print(F("\0%c\0%c%x\0", 228, 98, 140) == "\0\228\0b8c\0")
print(F("%p", 4), F("%p", true), F("%p", nil), F("[%10p]", false), F("[%-12p]", 1.5))
print(F("%p", {}) ~= F("%p", {}), F("%p", print) == F("%p", print), #F("%90p", {}), #F("%-60p", {}))
print(F("%-5.1s%05.1f%+3d", "abc", 2.25, 7))
print(F("-%.20s.20s", string.rep("%", 2000)) == "-" .. string.rep("%", 20) .. ".20s")

-- %q
print(F("%q", 'a "quoted" \\ string\nwith newline'))
print(F("%q", "\0\1\0023\r\t\127\128\255"), F("%q", "\0009"), F("%q", "\r9"))
print(F("%q %q %q %q %q %q", 1/3, 1.0, -0.0, 1/0, -1/0, 0/0))
print(F("%q %q %q %q %q %q", 42, math.mininteger, math.maxinteger, nil, true, false))
print(F("%q %q", 2^63, 1e-310))
for _, v in ipairs{"\0\0\1\255\u{234}", math.maxinteger, math.mininteger, math.pi, 0.1, math.huge, -math.huge, -0.0, 1e-310} do
  local nv = load("return " .. F("%q", v))()
  write(tostring(v == nv and math.type(v) == math.type(nv)), " ")
end
flush()

-- errors
local function check(fmt, ...)
  print(fmt:gsub("%z", "\\0"), select(2, pcall(F, fmt, ...)))
end
local aux = string.rep("0", 600)
check("%100.3d", 10) check("%1" .. aux .. ".3d", 10) check("%1.100d", 10) check("%10.1" .. aux .. "004d", 10)
check("%t", 10) check("%" .. aux .. "d", 10) check("%d %d", 10) check("%010c", 10) check("%.10c", 10)
check("%0.34s", 10) check("%#i", 10) check("%3.1p", 10) check("%0.s", 10) check("%10q", 10) check("%F", 10)
check("%", 1) check("abc%") check("%d") check("%y", 1) check("%5.2.3f", 1) check("%-#5d", 1) check("%+x", 1)
check("%0s", "a") check("%05s", "a") check("%\0d", 1) check("%d", 1.5) check("%d", "x") check("%d", "1.5")
check("%x", 2^63) check("%f", "x") check("%f", {}) check("%c", "x") check("%c", 1.5) check("%10s", "\0")
check("%q", {}) check("%q", print) check("%10.123f", 1) check("%i", nil) check("%a", "abc") check("%g", true)
check("%ll", 1) check("%hd", 1) check("%s") check("%5s %5s", "a")
print(pcall(F))
print(pcall(F, {}))
getmetatable(m).__tostring = function() return {} end
print(pcall(F, "%s", m))
print(pcall(function() return F("%d", 2.5) end))
print(pcall(function() return F("%w", 2.5) end))
