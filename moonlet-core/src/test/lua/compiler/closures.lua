local counter = 0
local function inc(by)
  counter = counter + (by or 1)
  return counter
end
local obj = {name = "o"}
function obj:greet(greeting, ...)
  local extra = select("#", ...)
  return greeting .. ", " .. self.name, extra
end
function obj.static(x) return x * 2 end
local function outer()
  local a, b = 1, 2
  return function()
    return function() a = a + b; return a, counter end
  end
end
local function fact(n, acc)
  if n <= 1 then return acc end
  return fact(n - 1, n * acc)
end
local function pack(...) return {n = select("#", ...), ...} end
return inc(2), obj:greet("hi", 1, 2), outer()()(), fact(5, 1), pack(1, nil, 3)
