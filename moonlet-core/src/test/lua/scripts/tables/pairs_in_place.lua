-- Loops over pairs and ipairs, whose iterators a loop steps without calling them: the same
-- keys, values and errors as when they are called.
local t = {10, 20, 30, x = 1, y = 2}
local n = 0
for k, v in pairs(t) do n = n + 1; t[k] = nil end
print(n, next(t))

-- A key that is not in the table.
print(pcall(function() for _ in next, {}, "zz" do end end))
print(pcall(next, {}, "nokey"))

-- Assigning existing fields (to nil too) during a traversal is allowed.
local s = {a = 1, b = 2, c = 3}
local seen = 0
for k in pairs(s) do s[k] = nil; seen = seen + 1 end
print(seen, next(s))

-- ipairs honours __index, stops at the first nil, and keeps its control variable an integer.
local p = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 2 end end})
for i, v in ipairs(p) do io.write(i, "=", v, " ") end print()
for i in ipairs({1, 2, nil, 4}) do io.write(math.type(i), i, " ") end print()
for i, v, extra in ipairs({"a"}) do print(i, v, extra) end
for k in pairs({}) do print("never") end

-- Array keys come back as integers, in order; float and boolean keys come back as they were.
local keys = {}
for k in pairs({5, 6, 7}) do keys[#keys + 1] = math.type(k) .. k end
print(table.concat(keys, ","))
local mixed = {}
for k, v in next, {[2.5] = "f", [true] = "t"} do mixed[tostring(k)] = v end
print(mixed["2.5"], mixed["true"])

-- Long traversals, so that the loops are compiled too.
local big = {}
for i = 1, 3000 do big[i] = i end
for i = 1, 300 do big["k" .. i] = i end
local sum, count = 0, 0
for _ = 1, 3 do
  for k, v in pairs(big) do sum = sum + v; count = count + 1 end
  for i, v in ipairs(big) do sum = sum + i + v end
end
print(sum, count)

-- A __pairs metamethod is still called.
local proxy = setmetatable({}, {__pairs = function(self) return function(_, k) if not k then return 1, "one" end end, self, nil end})
for k, v in pairs(proxy) do print(k, v) end
