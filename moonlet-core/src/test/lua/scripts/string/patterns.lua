-- Pattern items (manual §6.4.1): classes, sets, ranges, quantifiers, %b, %f, captures,
-- back-references, anchors, and the errors for malformed patterns.
local function esc(s)
  return (s:gsub("[%c\128-\255\"\\]", function(c) return string.format("\\%d", c:byte()) end))
end

local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)

local function members(p)
  local t = {}
  for c in all:gmatch(p) do t[#t + 1] = c end
  return #t .. " " .. esc(table.concat(t))
end

for _, c in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"} do
  print("%" .. c, members("%" .. c))
  print("%" .. c:upper(), #(all:gsub("%" .. c:upper(), "")))
end
print("%z", members("%z"), ".", #(all:gsub(".", "")))
print("[a-f%d]", members("[a-f%d]"))
print("[^%w%s]", #(all:gsub("[^%w%s]", "")))
print("[%a_][%w_]*", members("[%w_]"))
print("[]]", members("[]]"), "[^]]", #(all:gsub("[^]]", "")))
print("[a-]", members("[a-]"), "[-a]", members("[-a]"), "[a%-z]", members("[a%-z]"))
print("[%^%[%-a%]%-b]", members("[%^%[%-a%]%-b]"))
print("[\200-\210]", members("[\200-\210]"), "[\0-\2]", members("[\0-\2]"))
print("[%]]", members("[%]]"), "[%%]", members("[%%]"), "[.]", members("[.]"), "%.", members("%."))
print("[z-a]", members("[z-a]"), "[a-a]", members("[a-a]"))

-- quantifiers
local function f(s, p)
  local i, e = string.find(s, p)
  if i then return string.sub(s, i, e) end
  return "nil"
end
print(f("aaab", "a*"), f("aaa", "^.*$"), f("aaa", "b*"), f("aaa", "ab*a"), f("aba", "ab*a"))
print(f("aaab", "a+"), f("aaa", "^.+$"), f("aaa", "b+"), f("aaa", "ab+a"), f("aba", "ab+a"))
print(f("a$a", ".$"), f("a$a", ".%$"), f("a$a", ".$."), f("a$a", "$$"), f("a$b", "a$"), f("a$a", "$"))
print(f("aaab", "a-"), f("aaa", "^.-$"), f("aabaaabaaabaaaba", "b.*b"), f("aabaaabaaabaaaba", "b.-b"))
print(f("", "a?"), f("aa", "^aa?a?a"), f("]]]ab", "[^]]+"), f("0alo alo", "%x*"), f("alo alo", "%C+"))
print(f("  \n\r*&\n\r   xuxu  \n\n", "%g%g%g+"), f("um caracter ? extra", "[^%sa-z]"))

-- balanced strings and frontiers
print(string.gsub("alo 'oi' alo", "%b''", '"'))
print(string.gsub("(9 ((8))(\0) 7) \0\0 a b ()(c)() a", "%b()", ""))
print(string.gsub("aaa aa a aaa a", "%f[%w]a", "x"))
print(string.gsub("[[]] [][] [[[[", "%f[[].", "x"))
print(string.gsub("01abc45de3", "%f[%d]", "."))
print(string.gsub("01abc45 de3x", "%f[%D]%w", "."))
print(string.gsub("function", "%f[\1-\255]%w", "."))
print(string.gsub("function", "%f[^\1-\255]", "."))
print(string.find("a", "%f[a]"), string.find("a", "%f[^%z]"), string.find("a", "%f[^%l]"))
print(string.find("aba", "%f[a%z]"), string.find("aba", "%f[%z]"), string.find("aba", "%f[%l%z]"))

-- zeros in patterns
print(esc(string.match("ab\0\1\2c", "[\0-\2]+")), esc(string.match("ab\0\1\2c", "[\0-\0]+")))
print(string.find("b$a", "$\0?"), string.find("abc\0efg", "%\0"), esc(string.match("abc\0efg\0\1e\1g", "%b\0\1")))
print(esc(string.match("abc\0\0\0", "%\0+")), esc(string.match("abc\0\0\0", "%\0%\0?")), string.find("abc\0\0", "\0."))

-- captures: position captures, nesting, back-references
print(string.match("0123456789", "(.+(.?)())"))
print(string.match("hello", "()(l)(l)()"))
print(string.match("alo alx 123 b\0o b\0o", "(..*) %1") == "b\0o")
print(string.match("axz123= 4= 4 34", "(.+)=(.*)=%2 %1"))
print(string.match("=======", "^(=*)=%1$"), string.match("==========", "^([=]*)=%1$"))
print(string.match("a", "()%1"))
print(string.match(string.rep("a", 32), string.rep("(a)", 32)))

-- depth: 199 pending items are fine, 200 are "pattern too complex"
print(#string.match(string.rep("a", 199), string.rep("a?", 199)))
print(pcall(string.match, string.rep("a", 200), string.rep("a?", 200)))
print(string.find(string.rep("a", 300000), "^a*.?$"), string.find(string.rep("a", 300000), "^a*.?b$"))

-- malformed patterns
for _, p in ipairs{"(.", ".)", "[a", "[]", "[^]", "[a%]", "[a%", "%b", "%ba", "%", "%f", "%fa", "%1",
                   "(%1)", "(a)%2", "%0", "(()", string.rep("(a)", 33), "a%", "x%"} do
  print(#p < 20 and p or #p, pcall(string.find, "a", p))
end
print(pcall(string.find, "abc", "x%"))
print(pcall(function() return string.match("a", "[a") end))
