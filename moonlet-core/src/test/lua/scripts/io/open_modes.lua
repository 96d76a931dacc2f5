-- io.open's modes, their checks and failures; io.tmpfile.
local name = os.tmpname()
local function hide(a, msg, code)
  if type(msg) == "string" then msg = msg:gsub(name:gsub("%p", "%%%0"), "NAME") end
  return a, msg, code
end
local function contents()
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end
local function reset(s)
  local f = assert(io.open(name, "w"))
  f:write(s)
  f:close()
end

print("-- invalid modes")
for _, mode in ipairs{"rw", "rb+", "r+bk", "", "+", "b", "x", "r+b+", "wt", "ab "} do
  print(mode, pcall(io.open, name, mode))
end
print("-- valid modes")
for _, mode in ipairs{"r", "rb", "r+", "r+b", "rbb", "w", "wb", "w+", "a", "ab", "a+", "a+b"} do
  local f = io.open(name, mode)
  print(mode, io.type(f), f:close())
end
print("r\\0garbage", io.type(io.open(name, "r\0garbage")))

print("-- 'w' truncates, 'a' appends at the end whatever the position")
reset("hello\n")
local f = assert(io.open(name, "a"))
print(f:seek(), f:write("x") and f:seek(), f:seek("set", 1), f:write("y") and f:seek())
f:close()
print(string.format("%q", contents()))
f = assert(io.open(name, "a+"))
print(f:seek(), f:read("l"), f:seek())
f:write("z")
print(f:seek(), string.format("%q", f:read("a")))
f:seek("set")
print(string.format("%q", f:read("a")))
f:close()

print("-- 'r+' and 'w+' read and write at one position")
f = assert(io.open(name, "r+"))
f:write("H")
print(f:read(4))
f:seek("cur", 0)
f:write("!")
f:seek("set")
print(string.format("%q", f:read("a")))
f:close()
f = assert(io.open(name, "w+"))
f:write("abc")
f:seek("set", 1)
print(f:read(1))
f:write("Z")
f:seek("set")
print(f:read("a"))
f:close()

print("-- failures")
os.remove(name)
print(hide(io.open(name)))
print(hide(io.open(name, "r+")))
print(hide(io.open(name .. "/sub", "w")))
print(hide(io.open(name .. "\0ignored")))
print(io.open(""))
print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, name, {}))

print("-- tmpfile")
f = io.tmpfile()
print(io.type(f), f:write("temporary") == f, f:seek("set"), f:read("a"), f:close(), io.type(f))
