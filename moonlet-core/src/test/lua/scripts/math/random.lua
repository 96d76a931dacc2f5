-- math.random gives lua5.4's numbers for a given seed.
print(math.randomseed(42))
print(math.random(1, 100), math.random(0), math.random(7), math.random(-10, 10))
print(math.random(math.mininteger, math.maxinteger), math.random(3, 1000000007))
print(string.format("%.17g", math.random()))
print(math.randomseed(1007, 0))
print(string.format("%x", math.random(0)))
math.randomseed(-1, 77)
print(math.random(0), math.random(3, 5), math.random(-3, 3))
math.randomseed(5.0, "3")
print(math.random(0), math.random(10))
local draws = {}
for _, n in ipairs({1, 2, 3, 13, 31, 32, 33}) do draws[#draws + 1] = math.random(n) end
print(table.concat(draws, " "))
print(math.random(7, 7), math.random(math.maxinteger, math.maxinteger), math.random(math.mininteger, math.mininteger))

-- the state repeats after reseeding with the returned seeds
local x, y = math.randomseed()
local r = math.random(0)
print(math.type(x), math.type(y))
math.randomseed(x, y)
print(math.random(0) == r)

-- ranges hold
math.randomseed(99)
local ok = true
for _ = 1, 1000 do
  local f = math.random()
  local i = math.random(-5, 5)
  ok = ok and f >= 0 and f < 1 and i >= -5 and i <= 5 and math.type(i) == "integer"
end
print(ok)

local function try(...)
  print(pcall(...))
end
try(math.random, 2, 1)
try(math.random, 0, -1)
try(math.random, 1, 2, 3)
try(math.random, 1.5)
try(math.random, "x")
try(math.randomseed, 1.5)
try(math.randomseed, {})
try(function () return math.random(1, 2, 3) end)
