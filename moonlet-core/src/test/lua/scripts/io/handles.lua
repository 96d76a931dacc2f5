-- File handles: their type, metatable, names and closing.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local mt = getmetatable(f)
print(type(f), io.type(f), mt.__name, mt == getmetatable(io.stdout))
print(mt.__gc == mt.__close, type(mt.__tostring), type(mt.__index))
local methods = {}
for k in pairs(mt.__index) do methods[#methods + 1] = k end
table.sort(methods)
print(table.concat(methods, " "))
print(tostring(f):match("^file %(0x%x+%)$") ~= nil)
print(io.type(8), io.type({}), io.type(nil), io.type(setmetatable({}, mt)))
print(pcall(io.type))

print("-- closing")
print(f:close())
print(tostring(f), io.type(f))
print(pcall(function() return f:close() end))
print(pcall(function() return f:write("x") end))
print(pcall(function() return f:read() end))
print(pcall(function() return f:seek() end))
print(pcall(function() return f:flush() end))
print(pcall(function() return f:setvbuf("no") end))
print(pcall(function() return f:lines() end))
print(pcall(io.close, f))
print(pcall(function() return f.write(42) end))

print("-- __close and __gc close a file once")
do
  local g <close> = assert(io.open(name))
  f = g
end
print(io.type(f))
mt.__close(f)
mt.__gc(f)
mt.__gc(io.stdout)
print(io.type(f), io.type(io.stdout))
os.remove(name)
