-- pairs returns next, and __pairs can replace the iterator.
local f, s, c = pairs({})
print(f == next, c)
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1 if i <= 3 then return i, i * i end end, self, nil
end})
for k, v in pairs(t) do print(k, v) end
local multi = setmetatable({}, {__pairs = function() return 1, 2, 3, 4 end})
print(pairs(multi))
print(pcall(pairs))
print(select("#", pairs(1)), select(2, pairs(1)))
print(pcall(function() for k in pairs(nil) do end end))
local count = 0
for k, v in pairs({a = 1, b = 2, c = 3, 1, 2, 3}) do count = count + 1 end
print(count)
local ordered = {}
for i = 1, 10 do ordered[i] = i end
local seen = 0
for k, v in pairs(ordered) do seen = seen + (k == v and 1 or 0) end
print(seen)
print(pcall(pairs, setmetatable({}, {__pairs = function() error("pairs failed") end})))
