-- file:read with every format: numbers ("n"), lines ("l", "L"), the rest ("a"), counts,
-- several formats at once, and failures.
local name = os.tmpname()
local function write(s)
  local f = assert(io.open(name, "wb"))
  f:write(s)
  assert(f:close())
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = type(v) == "string" and string.format("%q", v) or tostring(v)
  end
  print(table.concat(t, ", "))
end

print("-- numbers: the longest prefix that may start a numeral is read")
write("  0x10  -7 1e2 .5 5. 0x.8p1 1e 0x 1e+ +-3 --3 999999999999999999999 "
  .. "0x7fffffffffffffffff 12abc 0XaBcP-3z 3.25e-2;\n\t\v\f\r 42")
local f = assert(io.open(name))
for _ = 1, 19 do show(f:read("n"), f:read(1)) end
show(f:read("n"), f:read(0))
show(f:read(1), f:read("n"), f:read(0))
f:close()

print("-- a numeral longer than 200 characters fails after 200 of them")
write("1" .. string.rep("0", 250) .. "\n")
f = assert(io.open(name))
show(f:read("n"))
show(#f:read("l"))
f:close()

print("-- lines: 'l' drops the newline, 'L' keeps it; a last line may lack one")
write("a\r\nb\n\nlast")
f = assert(io.open(name))
show(f:read("l", "L", "l", "l", "l"))
f:close()
f = assert(io.open(name))
show(f:read("L", "*L", "*l", "L", "L"))
f:close()

print("-- counts: at most n bytes; 0 tests for the end of the file")
f = assert(io.open(name))
show(f:read(0, 1, 3, 0, 100, 0, 1))
f:close()

print("-- 'a' reads the rest, and succeeds even at the end")
f = assert(io.open(name))
show(f:read(2, "a", "a", "l"))
f:close()

print("-- several formats stop at the first that fails")
write("12 34 x 56")
f = assert(io.open(name))
show(f:read("n", "n", "n", "n"))
show(f:read("a"))
f:close()

print("-- a long file and a long line, read whole")
local big = string.rep("0123456789", 20000)
write(big .. "\n" .. big)
f = assert(io.open(name))
local l1 = f:read("l")
local rest = f:read("a")
show(#l1, l1 == big, #rest, rest == big)
f:seek("set")
local c1, c2 = f:read(150000, 250001)
show(#c1, #c2, c1 .. c2 == big .. "\n" .. big)
f:close()

print("-- bad formats")
f = assert(io.open(name))
show(pcall(function() return f:read("x") end))
show(pcall(function() return f:read({}) end))
show(pcall(function() return f:read(1.5) end))
show(pcall(function() return f:read("5") end))
f:close()

os.remove(name)
