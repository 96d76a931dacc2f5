-- __len, __index and __newindex on tables, and rawlen/rawget/rawset bypassing them.
local log = {}
local proxy = setmetatable({}, {
  __len = function(t) return 42 end,
  __index = function(t, k) return k .. "?" end,
  __newindex = function(t, k, v) rawset(t, k, v * 2) end,
})
print(#proxy, rawlen(proxy), proxy.a, proxy[1])
proxy.x = 5
print(rawget(proxy, "x"), proxy.x)
proxy.x = 7
print(proxy.x)
local chain = setmetatable({}, {__index = setmetatable({a = 1}, {__index = {b = 2}})})
print(chain.a, chain.b, chain.c)
local store = {}
local w = setmetatable({}, {__newindex = store})
w.k = "v"
print(rawget(w, "k"), store.k)
print(rawlen({1, 2, 3}), rawlen("abcd"))
print(pcall(rawlen, 5))
print(pcall(rawget, "x", 1))
print(pcall(rawset, {}, 1))
print(rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0), rawequal(proxy, proxy))
print(pcall(rawequal, 1))
local s = setmetatable({}, {__len = function() return "not a number" end})
print(#s)
print(pcall(function() return #setmetatable({}, {__len = function() error("len!") end}) end))
