-- Classic coroutine programs: generators, a prime sieve, producer/consumer.
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local function filter(pred, gen)
  return coroutine.wrap(function() for v in gen do if pred(v) then coroutine.yield(v) end end end)
end
local function map(f, gen) return coroutine.wrap(function() for v in gen do coroutine.yield(f(v)) end end) end
local out = {}
for v in map(function(x) return x * x end, filter(function(x) return x % 2 == 0 end, range(10))) do out[#out + 1] = v end
print(#out, out[1], out[5])
local function sieve(limit)
  local function gen() return coroutine.wrap(function() for i = 2, limit do coroutine.yield(i) end end) end
  local function sieveFilter(p, g) return coroutine.wrap(function() for n in g do if n % p ~= 0 then coroutine.yield(n) end end end) end
  return coroutine.wrap(function()
    local g = gen()
    while true do
      local p = g()
      if p == nil then return end
      coroutine.yield(p)
      g = sieveFilter(p, g)
    end
  end)
end
local primes = {}
for p in sieve(60) do primes[#primes + 1] = p end
print(#primes, primes[#primes])
local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"x", "y", "z"}) do coroutine.yield(item) end
    return nil
  end)
end
local function consumer(prod)
  local got = {}
  while true do
    local ok, item = coroutine.resume(prod)
    if not item then break end
    got[#got + 1] = item
  end
  return #got, got[1], got[#got]
end
print(consumer(producer()))
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count = 0
for p in coroutine.wrap(function() permgen({1, 2, 3, 4}) end) do count = count + 1 end
print("permutations", count)
local many = 0
for i = 1, 1000 do
  local co = coroutine.wrap(function(x) local y = coroutine.yield(x + 1) return y * 2 end)
  many = many + co(i) + co(i)
end
print(many)
local deepYield = coroutine.wrap(function()
  local function rec(n) if n == 0 then coroutine.yield("bottom") return 0 end return 1 + rec(n - 1) end
  return rec(5000)
end)
print(deepYield(), deepYield())
