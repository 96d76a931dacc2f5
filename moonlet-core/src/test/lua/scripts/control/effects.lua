-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand. Effect handlers in the WasmFX model.

local yield = effect.tag("yield")
local ask = effect.tag("ask")
print(type(yield), type(effect.new(print)))

-- A continuation runs until it returns (resume gives its results) or suspends (resume gives
-- the handler's results); suspend returns the values of the next resume.
local k = effect.new(function(a, b)
  local got = effect.suspend(yield, a + b)
  return "returned", got
end)
local k2, v = effect.resume(k, {[yield] = function(k2, v) return k2, v end}, 1, 2)
print(v, effect.alive(k), effect.alive(k2))
print(effect.resume(k2, {}, "x"))

-- Handlers are named at each resume: the innermost resume that handles the tag wins, and
-- one that does not handle it is passed through (and captured with the continuation).
local function inner()
  local a = effect.suspend(ask, "inner question")
  local b = effect.suspend(yield, "inner yield")
  return a .. "+" .. b
end
print(effect.resume(effect.new(function()
  return "outer got " .. effect.resume(effect.new(inner), {[ask] = function(k, q) return effect.resume(k, nil, "A") end})
end), {[yield] = function(k, v) return effect.resume(k, nil, "Y") end,
       [ask] = function() return "wrong handler" end}))

-- The clause runs in the resumer, after the continuation's frames were cut out: its
-- results are resume's, and it may return without resuming.
print(effect.resume(effect.new(function() effect.suspend(ask) print("never") end),
  {[ask] = function(k) return "abandoned", effect.alive(k) end}))

-- bind: partial application, before starting and after suspending; it consumes k.
local adder = effect.new(function(a, b, c) return a + b + c end)
local bound = effect.bind(adder, 1)
print(effect.alive(adder), effect.alive(bound))
print(effect.resume(effect.bind(bound, 2), nil, 3))
local paused = effect.resume(effect.new(function() return table.concat({effect.suspend(yield)}, ",") end),
  {[yield] = function(k) return k end})
print(effect.resume(effect.bind(paused, "p", "q"), nil, "r"))

-- resume_throw: the error is raised where the continuation suspended.
local guarded = effect.resume(effect.new(function()
  local ok, err = pcall(effect.suspend, yield)
  return "caught: " .. tostring(err)
end), {[yield] = function(k) return k end})
print(effect.resume_throw(guarded, "boom", {}))
local unguarded = effect.resume(effect.new(function() effect.suspend(yield) end), {[yield] = function(k) return k end})
local ok, err = pcall(effect.resume_throw, unguarded, {code = 7})
print(ok, type(err), err.code)
print(select(2, pcall(effect.resume_throw, effect.new(print), "not started")))

-- switch: the clause effect.SWITCH makes the resume run the target in place of the
-- switching continuation, which the target receives as its last value.
local ping = effect.new(function(n, pong)
  while n < 5 do n, pong = effect.switch(pong, yield, n + 1) end
  return "ping done at " .. n
end)
local pong = effect.new(function(n, ping)
  while true do n, ping = effect.switch(ping, yield, n * 2) end
end)
print(effect.resume(ping, {[yield] = effect.SWITCH}, 0, pong))
-- a switch finds only SWITCH clauses, a suspend only function clauses
print(pcall(effect.resume, effect.new(function() effect.switch(effect.new(print), yield) end), {[yield] = print}))
print(pcall(effect.resume, effect.new(function() effect.suspend(yield) end), {[yield] = effect.SWITCH}))

-- barrier: no suspension crosses it; code inside may still resume its own continuations.
print(pcall(effect.resume, effect.new(function()
  return effect.barrier(function() effect.suspend(yield) end)
end), {[yield] = print}))
print(effect.resume(effect.new(function()
  return effect.barrier(function(x)
    return effect.resume(effect.new(function() return effect.suspend(yield) end), {[yield] = function(k) return effect.resume(k, nil, x) end})
  end, "inside barrier")
end), {}))

-- Errors.
print(pcall(effect.suspend, yield))
print(pcall(function() effect.suspend(ask, 1) end))
local once = effect.new(function() return 1 end)
effect.resume(once)
print(pcall(effect.resume, once))
print(pcall(effect.bind, once))
print(pcall(effect.switch, once, yield))
print(pcall(effect.resume, "k"))
print(pcall(effect.suspend, "tag"))
print(pcall(effect.new, 1))
print(pcall(effect.resume, effect.new(print), 5))
print(pcall(effect.tag))
print(pcall(effect.resume, effect.new(error), {}, "raised inside"))
