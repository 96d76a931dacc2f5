-- io.write and file:write: strings as they are, integers in decimal, floats as "%.14g",
-- chained calls, and failures.
local name = os.tmpname()
local function contents()
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

io.write("io.write ", 1, " ", 1.0, " ", -0.0, " ", 0.1, " ", 1/3, " ", 1e15, " ", 2^63, " ",
  1/0, " ", -1/0, " ", math.maxinteger, " ", math.mininteger, " ", "\0z", "\n")
print(io.write("returns the output file") == io.stdout)
io.write("\n")

local f = assert(io.open(name, "w"))
print(f:write("a", 1, 2.5, "b") == f)
print(f:write() == f)
f:write("x"):write("y", "\n"):write(3, "\n")
f:close()
print(string.format("%q", contents()))

print("-- bad arguments stop the write where they are")
f = assert(io.open(name, "w"))
print(pcall(function() return f:write("kept", {}, "lost") end))
print(pcall(function() return f:write(nil) end))
print(pcall(function() return io.write(true) end))
f:close()
print(string.format("%q", contents()))

print("-- writing a file opened for reading fails")
f = assert(io.open(name, "r"))
print(f:write("nothing"))
print(f:read("a"))
f:close()
print("-- reading a file opened for writing fails")
f = assert(io.open(name, "w"))
print(f:read("l"))
print(f:read("a"))
print(f:read(0))
print(f:read("n"))
print(pcall(f:lines()))
f:close()

print("-- a big write")
f = assert(io.open(name, "w"))
local chunk = string.rep("abcdefgh", 1000)
for _ = 1, 100 do f:write(chunk) end
f:close()
print(#contents(), contents() == string.rep(chunk, 100))

os.remove(name)
