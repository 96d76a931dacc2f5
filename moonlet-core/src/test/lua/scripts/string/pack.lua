-- string.pack, string.unpack and string.packsize: every option, alignment, limits, errors.
local line = {}
local function write(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(line)) line = {} end
local pack, unpack, packsize = string.pack, string.unpack, string.packsize
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end print(table.concat(t, " ")) end

show(packsize("b"), packsize("h"), packsize("i"), packsize("l"), packsize("j"), packsize("T"), packsize("f"),
     packsize("d"), packsize("n"), packsize("i7"), packsize("!xXi16"), packsize("<b h b f d f n i"))
show(hex(pack("B", 0xff)), hex(pack("b", -0x80)), hex(pack("<H", 0xffff)), hex(pack(">h", -2)), hex(pack("<i3", 0x123456)))
show(hex(pack(">i3", 0x123456)), hex(pack("=i4", 2001)), hex(pack("i16", -1)), hex(pack(">I16", 0xAA)), hex(pack("<j", math.mininteger)))
show(hex(pack(">J", -1)), hex(pack("<i9", math.mininteger)), hex(pack("<I9", -1)), hex(pack("T", 3)), hex(pack("<i8", 1.0)))
show(hex(pack("<f", 24)), hex(pack(">f", -1.5)), hex(pack("<d", 0.1)), hex(pack(">n", 1/0)), hex(pack("<f", 0.1)))
show(hex(pack("z", "hello")), hex(pack("zB", "abc", 247)), hex(pack("s", "alo")), hex(pack("s1", "alo")), hex(pack(">s2", "alo")))
show(hex(pack("c0", "")), hex(pack("c3", "123")), hex(pack("c8", "123456")), hex(pack(">i2 <i2", 10, 20)), hex(pack(" < i1 i2 ", 2, 3)))
show(hex(pack(">!8 b Xh i4 i8 c1 Xi8", -12, 100, 200, "\xEC")))
show(hex(pack(">!4 c3 c4 c2 z i4 c5 c2 Xi4", "abc", "abcd", "xz", "hello", 5, "world", "xy")))
show(hex(pack(" b b Xd b Xb x", 1, 2, 3)), hex(pack("!2 h i8", 1, 2)), hex(pack("x x x")), hex(pack("<i2\0ignored", 1)))

show(unpack("B", "\xff"), unpack("b", "\x80"), unpack("<h", "\0\x80"), unpack(">H", "\x80\0"), unpack("<i3", "\1\2\3"))
show(unpack("<j", "\0\0\0\0\0\0\0\x80"), unpack("<J", string.rep("\xff", 8)), unpack("<i16", string.rep("\xff", 16)))
show(unpack("<i9", "\1\0\0\0\0\0\0\0\0"), unpack("<I16", "\xAA" .. string.rep("\0", 15)), unpack("<f", "\0\0\xc0\x41"))
show(unpack(">d", "\x3f\xb9\x99\x99\x99\x99\x99\x9a"), unpack("z", "hello\0rest"), unpack("zB", "abc\0\xf9"))
show(unpack("s1", "\3alo"), unpack("<s2", "\3\0alo!"), unpack("c3", "abcdef"), unpack("c0", ""), unpack("c2", "abcdef", 3))
show(unpack("c2", "abcdef", -2), unpack("c0", "abc", 4), unpack("!4 z c3", "abcdefghi\0xyz"), unpack("<i2 >i2", "\10\0\0\20"))
show(unpack(">!8 c1 Xh i4 i8 b Xi8 XI XH", pack(">!8 b Xh i4 i8 c1 Xi8", -12, 100, 200, "\xEC")))
show(unpack("bbXdb", "\1\2\3\0"), unpack("!8 xXi8", "0123456701234567"), unpack("!4 i4", pack("i4i4", 1, 2), 2))
show(unpack("!4 i4", pack("i4i4", 1, 2), -4), unpack("x", "a"), unpack("i4", pack("i4", 7), 1))
for _, n in ipairs{0, -1.1, 1.9, 1/0, -1/0, 1e20, -1e20, 0.1, 2000.7} do
  write(tostring(unpack("n", pack("n", n)) == n and unpack(">d", pack(">d", n)) == n), " ")
end
flush()
for i = 1, 16 do write(tostring(unpack("i" .. i, pack("i" .. i, -1)) == -1), " ") end flush()

local function check(f, ...) print(select(2, pcall(f, ...))) end
check(pack, "i0", 0) check(pack, "i17", 0) check(pack, "!17", 0) check(pack, "Xi17") check(pack, "i3r", 0)
check(pack, "!4i3", 0) check(pack, "c", "") check(pack, "X") check(pack, "Xc1") check(pack, "X i") check(pack, "i1", 200)
check(pack, "i1", -129) check(pack, "I1", -1) check(pack, "I1", 256) check(pack, "<I7", 1 << 56) check(pack, "i2", 1.5)
check(pack, "s1", string.rep("x", 256)) check(pack, "z", "a\0b") check(pack, "c3", "1234") check(pack, "i4")
check(pack, "y") check(pack, "c1" .. string.rep("0", 40)) check(pack, "d", "x") check(pack, "z", {}) check(pack, "s100", "alo")
check(unpack, "<i9", "\1\0\0\0\0\0\0\0\1") check(unpack, "i16", string.rep("\3", 16)) check(unpack, ">i9", "\1" .. string.rep("\0", 8))
check(unpack, "c0", "abc", 5) check(unpack, "i4", "abc") check(unpack, "s", "\5\0\0\0\0\0\0\0abc") check(unpack, "z", "abc")
check(unpack, "zc10000000", "alo") check(unpack, "c5", "abcd") check(unpack, "XXi", "") check(unpack, "X i", "")
check(unpack, "i4", "abcd", 10) check(unpack, "i4") check(unpack, "<s1", "\5abc") check(unpack, "i4", {})
check(packsize, "s") check(packsize, "z") check(packsize, "c1" .. string.rep("0", 40)) check(packsize, string.rep("c268435456", 8))
check(packsize, "i17") check(packsize, "q") check(packsize, "!8 i3 d") check(packsize)
print(packsize(string.rep("c268435456", 7) .. "c268435455"))
print(pcall(function() return pack("i17", 1) end))
