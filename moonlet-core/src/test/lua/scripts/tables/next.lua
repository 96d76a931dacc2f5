-- next and pairs: every key once, assignments to existing fields (nil included) during a
-- traversal are allowed, and an invalid key is an error.
local t = {}
for i = 1, 10 do t[i] = i end
for i = 1, 10 do t["k" .. i] = i end
local count, sum = 0, 0
for k, v in pairs(t) do
  count = count + 1
  sum = sum + v
  t[k] = nil
end
print(count, sum, next(t))
local u = {a = 1, b = 2, c = 3}
for k in pairs(u) do u[k] = k .. "!" end
local keys = {}
for k, v in pairs(u) do keys[#keys + 1] = v end
print(#keys)
print(next({}), next({}, nil), next({10}), next({10}, 1))
print(pcall(next, {}, "nope"))
print(pcall(next, {1, 2}, 3))
print(pcall(next))
print(pcall(next, 1))
print(rawequal(next, pairs({})), select("#", pairs({})))
local seq = {}
for i = 1, 5 do seq[i] = i * i end
local out = {}
for i, v in ipairs(seq) do out[#out + 1] = i .. "=" .. v end
print(#out, out[1], out[5])
local k, v = next({x = 1})
print(k, v)
