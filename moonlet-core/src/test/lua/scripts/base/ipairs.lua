-- ipairs stops at the first nil and respects __index (Lua 5.4).
for i, v in ipairs({10, 20, nil, 40}) do print(i, v) end
local proxy = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 100 end end})
for i, v in ipairs(proxy) do print(i, v) end
local partial = setmetatable({1, 2}, {__index = {nil, nil, 3, 4}})
for i, v in ipairs(partial) do print(i, v) end
local f, s, c = ipairs({})
print(type(f), type(s), c)
print(f({5}, 0), f({5}, 1))
print(pcall(ipairs))
print(select("#", ipairs(nil)), select(3, ipairs(nil)))
local ok, e = pcall(function() for i, v in ipairs(5) do end end)
print(ok, e)
local str = setmetatable({}, {__index = function(t, i) return i * 11 end})
local n = 0
for i, v in ipairs(str) do n = n + 1 if i == 4 then print(v) break end end
