-- collectgarbage's options: what each returns, and their argument errors.
print(math.type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage(), collectgarbage("collect"), collectgarbage(nil))
print(collectgarbage("isrunning"), collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("step"), collectgarbage("isrunning"))  -- a step does not restart it
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(collectgarbage("incremental"), collectgarbage("incremental"))
print(collectgarbage("generational"), collectgarbage("generational", 20, 100))
print(collectgarbage("step"), collectgarbage("step", 0))  -- generational: a step answers false
print(collectgarbage("incremental", 0, 0, 0))
print(collectgarbage("step", 1000000))  -- a big step ends a cycle
print(collectgarbage("setpause", 150), collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul"), collectgarbage("setstepmul", 100))
print(collectgarbage("incremental", 180, 200), collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))

-- steps end a cycle eventually, and smaller steps take more of them
local function steps(size)
  collectgarbage()
  local keep = {}
  for i = 1, 2000 do keep[i] = {i} end
  local n = 0
  repeat n = n + 1 until collectgarbage("step", size)
  return n
end
print(steps(1) >= steps(100), steps(100000) == 1)

-- the count falls when garbage is collected
collectgarbage()
local before = collectgarbage("count")
do local t = {} for i = 1, 10000 do t[i] = {} end end
local high = collectgarbage("count")
collectgarbage()
print(high > before, collectgarbage("count") < high)

for _, bad in ipairs({"foo", 1, {}}) do
  print(pcall(collectgarbage, bad))
end
print(pcall(collectgarbage, "step", "x"))
print(pcall(collectgarbage, "setpause", {}))
print(pcall(collectgarbage, "incremental", 1.5))
