-- io.lines and file:lines: formats, closing at the end, the to-be-closed fourth value,
-- and errors.
local name = os.tmpname()
local function reset(s)
  local f = assert(io.open(name, "w"))
  f:write(s)
  f:close()
end
local function list(...)
  local t = {}
  for l in ... do t[#t + 1] = string.format("%q", l) end
  return table.concat(t, " ")
end

reset("one\ntwo\n\nthree")
print(list(io.lines(name)))
print(list(io.lines(name, "L")))
print(list(io.lines(name, 4)))
for a, b in io.lines(name, 1, "l") do print(a, b) end
for n1, n2 in io.lines(name, "n", "n") do print(n1, n2) end
print(select("#", io.lines(name)), io.type(select(4, io.lines(name))))

print("-- the iterator closes the file it opened at the end, and then refuses to go on")
local it, _, _, file = io.lines(name)
print(it(), it(), it(), it(), io.type(file))
print(it())
print(io.type(file))
print(pcall(it))

print("-- leaving a loop early closes the file (the fourth value is to be closed)")
local captured
local function lines(n)
  local f, s, c, handle = io.lines(n)
  captured = handle
  return f, s, c, handle
end
for _ in lines(name) do break end
print(io.type(captured))
print(pcall(function() for _ in lines(name) do error("out") end end))
print(io.type(captured))

print("-- file:lines leaves the file open")
local f = assert(io.open(name))
print(list(f:lines()))
print(io.type(f), f:read("a"), f:seek("set"))
print(list(f:lines("L")))
f:close()
local it2 = assert(io.open(name)):lines()
print(it2(), it2())
f = assert(io.open(name))
local it3 = f:lines()
f:close()
print(pcall(it3))

print("-- io.lines with no file name reads the default input")
io.input(name)
print(list(io.lines()))
io.input():close()
io.input(name)
print(list(io.lines(nil, 2)))
io.input():close()
io.input(io.stdin)

print("-- load reads chunks through an iterator")
reset("x = 10\nx = x * 2\nreturn x + 1\n")
print(load((io.lines(name, "L")))())
print(load((io.lines(name, 5)))())

print("-- errors")
local ok, msg = pcall(io.lines, name .. ".missing")
print(ok, (msg:gsub(name:gsub("%p", "%%%0"), "NAME")))
local t = {}
for i = 1, 250 do t[i] = "l" end
print(select("#", io.lines(name, table.unpack(t))))
t[251] = "l"
print(pcall(io.lines, name, table.unpack(t)))
print(pcall(function() return f:lines() end))
reset("abc")
print(pcall(function() for l in io.lines(name, "x") do end end))
print(pcall(function() for l in io.lines(name, {}) do end end))
f = assert(io.open(name, "w"))
print(pcall(f:lines()))
f:close()
os.remove(name)
