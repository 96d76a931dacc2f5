-- __gc: order, once only, resurrection, errors, __gc set after setmetatable, collectgarbage
-- inside a finalizer, finalizers that allocate.
local log = {}
local function note(s) log[#log + 1] = s end
local function flush() print(table.concat(log, " ")); log = {} end

-- reverse order of marking
for i = 1, 5 do setmetatable({}, {__gc = function() note("o" .. i) end}) end
collectgarbage()
flush()

-- the finalizer gets its object; a finalizer runs once
local mt = {__gc = function(o) note("gc " .. o.name) end}
do local a = setmetatable({name = "a"}, mt) end
collectgarbage()
collectgarbage()
flush()

-- only a __gc present when the metatable is set counts
do
  local late = {}
  setmetatable({}, late)
  late.__gc = function() note("late") end
  local early = {__gc = true}
  setmetatable({}, early)
  early.__gc = function() note("early") end
end
collectgarbage()
flush()

-- resurrection: the object stays usable, and a weak table loses its value before its key
local saved
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
do
  local r = setmetatable({data = {1, 2, 3}}, {__gc = function(o) saved = o end})
  wk[r] = true
  wv[1] = r
end
collectgarbage()
print(saved and #saved.data, wv[1], next(wk) == saved)
saved = nil
collectgarbage()
print(next(wk))

-- registering again finalizes again
local again = 0
do
  local mt2 = {}
  mt2.__gc = function(o) again = again + 1; if again < 3 then setmetatable(o, mt2) end end
  setmetatable({}, mt2)
end
for i = 1, 4 do collectgarbage() end
print("again", again)

-- an error in a finalizer does not reach the script
do setmetatable({}, {__gc = function() error("in gc") end}) end
print(pcall(collectgarbage))

-- collectgarbage inside a finalizer answers fail
local inside
do setmetatable({}, {__gc = function() inside = {collectgarbage("count"), collectgarbage()} end}) end
collectgarbage()
print("inside", #inside)

-- finalizers that allocate and make more garbage
local made = 0
for i = 1, 3 do
  setmetatable({}, {__gc = function()
    local t = {}
    for j = 1, 100 do t[j] = {j} end
    made = made + #t
    setmetatable({}, {__gc = function() made = made + 1 end})
  end})
end
collectgarbage()
collectgarbage()
print("made", made)

-- objects of a finalizer stay alive until it has run (what they refer to too)
local got
do
  local inner = {value = "inner"}
  setmetatable({inner}, {__gc = function(o) got = o[1].value end})
end
collectgarbage()
print("got", got)

-- a finalizer runs without collectgarbage, once enough is allocated
local auto = false
do setmetatable({}, {__gc = function() auto = true end}) end
local n = 0
repeat local t = {}; n = n + 1 until auto or n > 10000000
print("auto", auto)
