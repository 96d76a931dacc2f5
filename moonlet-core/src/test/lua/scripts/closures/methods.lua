-- Function definitions: methods, nested names, self, and values of every kind as upvalues.
local obj = {n = 0, inner = {}}
function obj.plain(x) return x end
function obj:method(x) self.n = self.n + x return self end
function obj.inner.deep() return "deep" end
function obj.inner:deepMethod() return self == obj.inner end
print(obj.plain(5), obj:method(2):method(3).n, obj.inner.deep(), obj.inner:deepMethod())
local s = "captured"
local n, f, t, b = 1.5, print, {1}, false
local function all() return s, n, f == print, t[1], b end
print(all())
local function makeAdders()
  local adders = {}
  for i = 1, 3 do adders[i] = function(x) return x + i end end
  return adders
end
local adders = makeAdders()
print(adders[1](10), adders[2](10), adders[3](10))
local function curry(a) return function(b) return function(c) return a .. b .. c end end end
print(curry("x")("y")("z"))
local anon = (function(...) return select("#", ...) end)(1, 2, 3)
print(anon)
local fmt = {}
function fmt.join(sep, ...)
  local r = ""
  for i = 1, select("#", ...) do r = r .. (i > 1 and sep or "") .. tostring((select(i, ...))) end
  return r
end
print(fmt.join(", ", 1, "two", nil, true))
local y = 1
local function shadow() local y = y + 1 return y end
print(shadow(), y)
