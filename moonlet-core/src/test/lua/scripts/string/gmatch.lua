-- string.gmatch: captures, init, empty matches (Lua 5.4 semantics), '^' as a character.
for w in string.gmatch("first second word", "%w+") do io.write(w, ";") end print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, ";") end print()
for p in string.gmatch("abcde", "()") do io.write(p, " ") end print()
for i in string.gmatch("xuxx uu ppar r", "()(.)%2") do io.write(i, " ") end print()
for w in string.gmatch("one two", "") do io.write("[", w, "]") end print()
for a, b in string.gmatch("a  \nbc\t\td", "()%s*()") do io.write(a, "-", b, " ") end print()
for k in string.gmatch("10 20 30", "%d+", 3) do io.write(k, " ") end print()
for k in string.gmatch("11 21 31", "%d+", -4) do io.write(k, " ") end print()
for k in string.gmatch("11 21 31", "%w*", 9) do io.write("<", k, ">") end print()
for k in string.gmatch("11 21 31", "%w*", 10) do io.write("<", k, ">") end print()
for k in string.gmatch("11 21 31", "%w*", 100) do io.write("<", k, ">") end print()
for k in string.gmatch("^a^b", "^.") do io.write(k, " ") end print()
for k in string.gmatch("alo alo th02 is 1hat", "()%f[%w%d]") do io.write(k, " ") end print()
for a in string.gmatch("abc", "a*") do io.write("<", a, ">") end print()
for a in string.gmatch(123123, 23) do io.write(a, " ") end print()

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
