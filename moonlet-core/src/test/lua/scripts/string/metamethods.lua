-- The string metatable's arithmetic metamethods convert numeric strings as lstrlib does.
local line = {}
local function write(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function flush() print(table.concat(line)) line = {} end
print("10" + 1, "3.0" + 1, "0x10" * 2, -"2", "7" // "2", "7" % "2.0", "2" ^ "3", "1" / "2")
print(" 10 " - "1", "1e1" * "2", 10 - "3", "2" * 2.5, -"-0", "9007199254740993" + 0)
print(math.type("10" + 0), math.type("10.0" + 0), "0x7fffffffffffffff" + 1, "9223372036854775808" + 0)
print(10 .. "", "5" + "5", "0x.8" + 0, "1e-2" + 0, "inf" == "inf")
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return 1 + "abc" end))
print(pcall(function() return "abc" + "1" end))
print(pcall(function() return -"abc" end))
print(pcall(function() return "1" + {} end))
print(pcall(function() return {} + "1" end))
print(pcall(function() return "10" + true end))
print(pcall(function() return "1" & "3" end))
print(pcall(function() return "1.5" | "3" end))
print(pcall(function() return "10" // "0" end))
print(pcall(function() return "10" % "0" end))
print(pcall(function() return "10" < 5 end))
print("10" // "0.0", "-10" % "3", "1" .. 2)
local mt = {__add = function(a, b) return "added" end, __unm = function() return "neg" end}
local t = setmetatable({}, mt)
print("1" + t, t + "1", "x" + t, -t)
print(pcall(function() return "x" - t end))
local smt = getmetatable("")
for _, k in ipairs{"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv", "__index",
                   "__concat", "__band", "__len", "__eq", "__lt"} do
  write(k, "=", type(smt[k]), " ")
end
flush()
print(smt.__add("1", "2"), smt.__unm("3", "3"), smt.__idiv(7, "2"))
