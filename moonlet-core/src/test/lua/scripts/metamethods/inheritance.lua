-- The class pattern: __index chains, method calls with self, overriding, super calls.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  return setmetatable({name = name, sound = sound}, Animal)
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof") return setmetatable(d, Dog) end
function Dog:kind() return "dog, an " .. Animal.kind(self) end
Dog.__tostring = function(d) return "Dog(" .. d.name .. ")" end
Dog.__eq = function(a, b) return a.name == b.name end
local rex = Dog.new("Rex")
print(rex:speak(), rex:kind(), tostring(rex))
print(rex == Dog.new("Rex"), rex == Dog.new("Fido"), getmetatable(rex) == Dog)
local cat = Animal.new("Tom", "meow")
print(cat:speak(), cat:kind(), cat.fetch)
print(pcall(function() return cat:fetch() end))
local Vector = {}
Vector.__index = Vector
local function vec(x, y) return setmetatable({x = x, y = y}, Vector) end
Vector.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
Vector.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(b * a.x, b * a.y) end
  return a.x * b.x + a.y * b.y
end
Vector.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
Vector.__len = function(v) return 2 end
Vector.__lt = function(a, b) return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y end
Vector.__le = function(a, b) return not (b < a) end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(2 * a), tostring(a * 3), a * b, #a, a < b, b <= a, a <= a)
