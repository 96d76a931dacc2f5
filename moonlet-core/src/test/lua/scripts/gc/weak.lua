-- Weak tables after a full collection: keys, values, both, ephemerons; strings are values.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- weak keys
local wk = setmetatable({}, {__mode = "k"})
local kept = {}
wk[kept] = "kept"
wk[{}] = "lost"
wk["str"] = {}
wk[1] = {}
wk[print] = "builtin"
collectgarbage()
print("k", count(wk), wk[kept], wk.str ~= nil, wk[1] ~= nil, wk[print])

-- weak values, in the array part and the hash part
local wv = setmetatable({}, {__mode = "v"})
for i = 1, 10 do wv[i] = {} end
for i = 1, 10 do wv["x" .. i] = {} end
wv[11] = kept
wv.s = string.rep("a", 50)
wv.f = function() end
wv.n = 42
collectgarbage()
print("v", count(wv), wv[11] == kept, #wv.s, wv.f, wv.n)

-- both
local wkv = setmetatable({}, {__mode = "kv"})
wkv[kept] = {}
wkv[{}] = kept
wkv.a = "b"
wkv[2] = kept
collectgarbage()
print("kv", count(wkv), wkv.a, wkv[2] == kept)

-- ephemerons: a value is kept only while its key is reachable, even if it refers to the key
local eph = setmetatable({}, {__mode = "k"})
do
  local k1, k2 = {}, {}
  eph[k1] = {k1}          -- value refers to its own key: still collected
  eph[k2] = {ref = k1}
  kept.k2 = k2           -- k2 reachable, so its value, so k1 is reachable
end
collectgarbage()
print("eph", count(eph))
kept.k2 = nil
collectgarbage()
print("eph", count(eph))

-- a chain of ephemerons reachable only through each other
local chain = setmetatable({}, {__mode = "k"})
local head = {}
do
  local k = head
  for i = 1, 50 do
    local nk = {}
    chain[k] = nk
    k = nk
  end
end
collectgarbage()
print("chain", count(chain))
head = nil
collectgarbage()
print("chain", count(chain))

-- a weak table reached only from a weak table
local outer = setmetatable({}, {__mode = "v"})
outer[1] = setmetatable({{}}, {__mode = "v"})
collectgarbage()
print("outer", outer[1])

-- coroutines and closures are collectable
local wc = setmetatable({}, {__mode = "v"})
wc[1] = coroutine.create(function() end)
wc[2] = coroutine.wrap(function() end)
wc[3] = string.gmatch("a", "a")
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
wc[4] = co
collectgarbage()
print("objects", wc[1], wc[2], wc[3], wc[4] == co)

-- next keeps working over a weak table while it is cleared
local wt = setmetatable({}, {__mode = "v"})
for i = 1, 20 do wt[i] = (i % 2 == 0) and kept or {} end
local seen = 0
for k, v in pairs(wt) do
  if seen == 0 then collectgarbage() end
  seen = seen + 1
end
print("next", count(wt))
