-- string.len, sub, byte, char, upper, lower, reverse, rep and dump, with their index rules
-- and errors; strings are byte strings with embedded zeros.
local line = {}
local function write(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(line)) line = {} end
local maxi, mini = math.maxinteger, math.mininteger

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "string" then
      t[i] = '"' .. v:gsub("[%c\128-\255\"\\]", function(c) return string.format("\\%d", c:byte()) end) .. '"'
    else
      t[i] = tostring(v)
    end
  end
  print(t.n, table.concat(t, " "))
end

-- len
show(string.len(""), string.len("\0\0\0"), #"1234567890", ("abc"):len(), string.len(123))

-- sub
local s = "123456789"
show(s:sub(2, 4), s:sub(7), s:sub(7, 6), s:sub(7, 7), s:sub(0, 0), s:sub(-10, 10))
show(s:sub(1, 9), s:sub(-10, -20), s:sub(-1), s:sub(-4), s:sub(-6, -4))
show(s:sub(mini, -4), s:sub(mini, maxi), s:sub(mini, mini), s:sub(maxi), s:sub(3, maxi))
show(("\0123456789"):sub(3, 5), ("\000123456789"):sub(8), s:sub("2", "3.0"), s:sub(2.0))
show(pcall(string.sub, s))
show(pcall(string.sub, s, 1.5))
show(pcall(string.sub, s, "x"))
show(pcall(string.sub, s, 1, {}))
show(pcall(string.sub))

-- byte
show(string.byte("a"), string.byte("\xe4") > 127, string.byte("\0"), string.byte("\0\0alo\0x", -1))
show(string.byte("ba", 2), string.byte("\n\n", 2, -1), string.byte("hello", 1, -1))
show(string.byte(""), string.byte("hi", -3), string.byte("hi", 3), string.byte("hi", 9, 10), string.byte("hi", 2, 1))
show(string.byte("hello", -3, -2), string.byte("hello", mini, maxi), string.byte("hello", 0))
show(pcall(string.byte, "x", {}))
show(pcall(function() return string.byte(string.rep("x", 2000000), 1, -1) end))

-- char
show(string.char(), string.char(0, 255, 0), string.char(104, 105), string.char("65", 66.0))
show(string.char(string.byte("\xe4l\0\xf3u", 1, -1)) == "\xe4l\0\xf3u")
show(pcall(string.char, 256))
show(pcall(string.char, 65, -1))
show(pcall(string.char, maxi))
show(pcall(string.char, mini))
show(pcall(string.char, 65, "x"))
show(pcall(string.char, 1.5))

-- upper, lower, reverse (the C locale: only ASCII letters change)
show(string.upper("ab\0c"), string.lower("\0ABCc%$"), string.upper("\xe4\xc4 mIxEd 123"), string.lower("\xe4\xc4 MiXeD"))
show(string.reverse(""), string.reverse("\0\1\2\3"), string.reverse("\0001234"), ("abc"):reverse(), string.upper(12))
show(pcall(string.upper))
show(pcall(string.lower, true))
show(pcall(string.reverse, {}))
show(#string.upper(string.rep("abc", 100000)), string.upper(string.rep("ab", 100000)):sub(-3))

-- rep
show(string.rep("teste", 0), string.rep("t\xe9s\0t\xea", 2), string.rep("", 10), string.rep("x", -1))
show(string.rep("teste", 0, "xuxu"), string.rep("teste", 1, "xuxu"), string.rep("\1\0\1", 2, "\0\0"))
show(string.rep("", 10, "."), string.rep("ab", 3, ", "), string.rep("x", 3.0), ("=-"):rep(5))
show(#string.rep("a", 1000000), #string.rep("ab", 100000, "cde"), string.rep("ab", 100000, "cde"):sub(-7))
for i = 0, 5 do write(#string.rep("a", i), " ") end flush()
show(pcall(string.rep))
show(pcall(string.rep, "x"))
show(pcall(string.rep, "x", 1.5))
show(pcall(string.rep, "x", 2, {}))
show(pcall(function() return string.rep("aa", 1 << 30) end))
show(pcall(function() return ("x"):rep(maxi // 2 + 10) end))
show(pcall(function() return string.rep("", maxi // 2 + 10, "aa") end))
show(pcall(function() return string.rep("a", 1 << 30, ",") end))

-- dump: no binary chunks yet
show(pcall(string.dump, print))
show(pcall(string.dump))
show(pcall(string.dump, "x"))

-- the string metatable
local mt = getmetatable("")
show(type(mt), mt.__index == string, rawequal(getmetatable("a"), getmetatable("b")))
show(("x"):rep(3), ("%d"):format(7), (""):len(), ("abc"):upper():lower())
show(pcall(function() return ("x"):nosuch() end))
show(pcall(function() local s = "x"; return s.y.z end))
