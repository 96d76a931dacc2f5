-- Varargs: counting with select('#'), nils kept, adjustment to the number of targets.
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, nil, 3))
print((pass(1, 2, 3)))
print(pass(1, 2), pass(3, 4))
print(({pass(1, 2, 3)})[3])
local function first(...) local a = ... return a end
print(first(9, 8, 7))
local function last(...) local n = select("#", ...) return (select(n, ...)) end
print(last(1, 2, 3))
local a, b, c, d = pass(1, 2)
print(a, b, c, d)
local x, y = 1
print(x, y)
local p, q = 1, 2, 3
print(p, q)
local function nested(...)
  local function inner(...) return select("#", ...), ... end
  return inner(..., "extra")
end
print(nested(1, 2))
print(nested())
local t = {pass(1, nil, nil)}
print(#t >= 1, t[1])
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(1, 2, 3, 4, 5))
local function many() local r = {} for i = 1, 250 do r[i] = i end return r end
local function spread(t, i) i = i or 1 if i <= #t then return t[i], spread(t, i + 1) end end
print(count(spread(many())))
print(select("#", spread(many())), (select(250, spread(many()))))
print(pcall(function(...) return ... end, "a", "b"))
print(count(pass(pass(pass(1, 2, 3)))))
