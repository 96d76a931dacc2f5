-- string.gmatch: captures, init, empty matches (Lua 5.4 semantics), '^' as a character.
local line = {}
local function write(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(line)) line = {} end
for w in string.gmatch("first second word", "%w+") do write(w, ";") end flush()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do write(k, "->", v, ";") end flush()
for p in string.gmatch("abcde", "()") do write(p, " ") end flush()
for i in string.gmatch("xuxx uu ppar r", "()(.)%2") do write(i, " ") end flush()
for w in string.gmatch("one two", "") do write("[", w, "]") end flush()
for a, b in string.gmatch("a  \nbc\t\td", "()%s*()") do write(a, "-", b, " ") end flush()
for k in string.gmatch("10 20 30", "%d+", 3) do write(k, " ") end flush()
for k in string.gmatch("11 21 31", "%d+", -4) do write(k, " ") end flush()
for k in string.gmatch("11 21 31", "%w*", 9) do write("<", k, ">") end flush()
for k in string.gmatch("11 21 31", "%w*", 10) do write("<", k, ">") end flush()
for k in string.gmatch("11 21 31", "%w*", 100) do write("<", k, ">") end flush()
for k in string.gmatch("^a^b", "^.") do write(k, " ") end flush()
for k in string.gmatch("alo alo th02 is 1hat", "()%f[%w%d]") do write(k, " ") end flush()
for a in string.gmatch("abc", "a*") do write("<", a, ">") end flush()
for a in string.gmatch(123123, 23) do write(a, " ") end flush()

-- the iterator keeps its position and reports nothing once done
local it = string.gmatch("a1b2", "%a(%d)")
print(it(), it(), it(), it())
local words = string.gmatch("x y", "%a")
print(words(), words(), words())

-- errors surface when the iterator runs, not when it is made
local bad = string.gmatch("abc", "(")
print(pcall(bad))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, "abc", "a", {}))
print(pcall(string.gmatch))
