-- The utf8 library: char, charpattern, codepoint, len, offset, codes.
local function bytes(s)
  return table.concat({s:byte(1, -1)}, " ")
end

print(utf8.char(), utf8.char(72, 105), bytes(utf8.char(0, 0x7F, 0x80, 0x7FF, 0x800)))
print(bytes(utf8.char(0xFFFF, 0x10000, 0x10FFFF)))
print(bytes(utf8.char(0x110000, 0x7FFFFFFF)))
print(utf8.char(228, 8364, 128512), utf8.char("65", 66.0))
print(bytes(utf8.charpattern))

local s = "h\u{E9}\u{20AC}\u{1F600}!"
print(#s, utf8.len(s), utf8.len(s, 2), utf8.len(s, -1), utf8.len(s, 1, 1), utf8.len(s, 3), utf8.len(""))
print(utf8.len(s, 1, -1), utf8.len(s, #s + 1), utf8.len(s, 4, 3))
print(utf8.len("\xFF"), utf8.len("ab\x80cd"), utf8.len("\xF4\x90\x80\x80"), utf8.len("\xF4\x90\x80\x80", 1, -1, true))
print(utf8.len("\u{D800}"), utf8.len("\u{D800}", 1, -1, true), utf8.len("\u{7FFFFFFF}", 1, -1, true))

print(utf8.codepoint(s))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, -5), utf8.codepoint(s, 4, 6))
print(select("#", utf8.codepoint(s, 3, 2)), select("#", utf8.codepoint("", 1, 0)))
print(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true), utf8.codepoint("\u{D800}", 1, 1, true))

print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 4), utf8.offset(s, 5), utf8.offset(s, 6))
print(utf8.offset(s, 7), utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, -5), utf8.offset(s, -6))
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 9), utf8.offset(s, 0, 12), utf8.offset(s, 0, 1))
print(utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, 1, #s + 1), utf8.offset("", 1), utf8.offset("", -1))
print(utf8.offset("abc", 0), utf8.offset("abc", 5), utf8.offset("abc", -4))

local function codes(...)
  local list = {}
  for p, c in utf8.codes(...) do list[#list + 1] = p .. ":" .. c end
  return table.concat(list, " ")
end
print(codes(s))
print(codes(""))
print(codes("\u{D800}\u{7FFFFFFF}", true))
print(codes(12.5))

-- the usual idioms
local count = 0
for ch in string.gmatch(s, utf8.charpattern) do count = count + 1 end
print(count)
