-- Numeric for: integer loops never overflow, float loops accumulate, step zero is an error.
local maxi = 9223372036854775807
local mini = -9223372036854775807 - 1
local n = 0
for i = maxi - 2, maxi do n = n + 1 print(i) end
print("count", n)
for i = mini + 2, mini, -1 do print(i) end
for i = maxi, maxi, 1 do print("once", i) end
for i = mini, mini, -1 do print("once", i) end
for i = 1, 0 do print("never") end
for i = maxi - 1, maxi, 10 do print("big step", i) end
for i = 1, 3 do local j = i i = 10 print(j, i) end
for i = 1, 2, 0.5 do print(i) end
for i = 1.0, 3 do print(i) end
for i = 0.1, 0.35, 0.1 do print(i) end
for i = 3, 1.5, -1 do print(i) end
for i = 1, 1/0, 1 << 62 do print(i) end
for i = 1, 3.7 do print("limit float", i) end
for i = 1, -1/0 do print("never") end
for i = -3, -1/0, -(1 << 62) do print(i) end
for i = maxi - 1, 1/0 do print("to inf", i) end
for i = 1, 0/0 do print("never nan") end
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
print(pcall(function() for i = 1, "2" do end end))
