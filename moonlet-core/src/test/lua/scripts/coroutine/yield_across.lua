-- A yield may cross pcall, xpcall, metamethods, for-in iterators, __pairs and __close.
-- (Moonlet also lets load readers, __tostring, ipairs' __index and xpcall handlers yield,
-- which lua5.4 refuses: those are checked by YieldAnywhereTest.)
local function run(name, f)
  local co = coroutine.create(f)
  local results = {}
  while true do
    local r = {coroutine.resume(co, #results)}
    if not r[1] then print(name, "error", r[2]) return end
    if coroutine.status(co) == "dead" then print(name, "done", r[2], r[3]) return end
    results[#results + 1] = r[2]
    print(name, "yielded", r[2])
  end
end
run("pcall", function()
  local ok, v = pcall(function() local x = coroutine.yield("in pcall") return x * 10 end)
  return ok, v
end)
run("pcall error", function()
  return pcall(function() coroutine.yield("before error") error("after yield", 0) end)
end)
run("xpcall", function()
  return xpcall(function() coroutine.yield("in xpcall") error("boom", 0) end,
    function(m) return "handled " .. m end)
end)
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") + 100 end,
  __lt = function(a, b) return coroutine.yield("lt") == 1 end,
  __concat = function(a, b) return "cat" .. coroutine.yield("concat") end,
  __newindex = function(t, k, v) rawset(t, k, v .. coroutine.yield("newindex")) end,
  __call = function(self, a) return coroutine.yield("call " .. a) end,
  __len = function() return coroutine.yield("len") end,
  __eq = function() return coroutine.yield("eq") end,
  __unm = function() return coroutine.yield("unm") end,
}
run("metamethods", function()
  local v = setmetatable({}, mt)
  local a = v.field
  local b = v + 1
  local c = v < v
  local d = v .. "x"
  v.k = "val"
  local e = v("arg")
  local f = #v
  local g = v == setmetatable({}, mt)
  local h = -v
  return tostring(a) .. "," .. b .. "," .. tostring(c) .. "," .. d .. "," .. rawget(v, "k") .. "," .. e .. "," .. f .. "," .. tostring(g) .. "," .. h
end)
run("iterator", function()
  local sum = 0
  for i in function(_, last) last = last + 1 if last <= 3 then coroutine.yield("iter " .. last) return last end end, nil, 0 do
    sum = sum + i
  end
  return sum
end)
run("nested pcall", function()
  return pcall(pcall, function() return coroutine.yield("deep") end)
end)
run("close", function()
  do
    local c <close> = setmetatable({}, {__close = function() coroutine.yield("closing") end})
  end
  return "closed"
end)
run("pairs", function()
  local t = setmetatable({}, {__pairs = function(t) coroutine.yield("pairs") return next, {1}, nil end})
  local n = 0
  for k, v in pairs(t) do n = n + v end
  return n
end)
