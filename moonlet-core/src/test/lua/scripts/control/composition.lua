-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- How prompts, effects, coroutines, pcall and <close> compose.

-- 1. A prompt body is part of the running coroutine: coroutine.yield inside it suspends the
-- whole coroutine, prompt included, and an abort after the resume still finds the prompt.
local co = coroutine.wrap(function()
  return prompt.call("p", function()
    local x = coroutine.yield("yielded from the body", coroutine.isyieldable())
    return x + prompt.abort("p", x)
  end, function(k, x) return k(x * 10) end)
end)
print(co())
print(co(4))

-- 2. A coroutine boundary delimits captures: an abort or a suspension inside a coroutine
-- does not reach a prompt or handler outside it; the coroutine dies with a clear error.
print(prompt.call("p", function()
  return coroutine.resume(coroutine.create(function() prompt.abort("p") end))
end, print))
local yield = effect.tag("yield")
print(effect.resume(effect.new(function()
  local wrapped = coroutine.wrap(function() effect.suspend(yield) end)
  return pcall(wrapped)
end), {[yield] = print}))
-- ... while prompts and handlers inside the coroutine work as anywhere.
print(coroutine.resume(coroutine.create(function()
  return prompt.call("in", function() return prompt.abort("in", "inside") end, function(k, v) return v end)
end)))

-- 3. A continuation can be resumed in another coroutine than the one that captured it.
local saved
prompt.call("q", function()
  local where = prompt.abort("q")
  print("resumed " .. where, coroutine.isyieldable())
  coroutine.yield("yield after resuming")
  return "finished"
end, function(k) saved = k end)
local other = coroutine.wrap(function() return saved("in a coroutine") end)
print(other())
print(other())

-- 4. A yield inside an effect handler clause, and inside a resumed continuation.
local gen = coroutine.wrap(function()
  local k = effect.new(function() for i = 1, 2 do effect.suspend(yield, i) end return "end" end)
  local r
  repeat
    r = effect.resume(k, {[yield] = function(k2, v) coroutine.yield(v) k = k2 return k2 end})
  until r == "end"
  return r
end)
print(gen(), gen(), gen())

-- 5. pcall: an abort passes through it, and after resuming it catches errors as before.
print(prompt.call("e", function()
  return pcall(function() prompt.abort("e") error("after the resume", 0) end)
end, function(k) return k() end))
-- an error in a handler or in a resumed body propagates out of prompt.call
print(pcall(prompt.call, "e", function() prompt.abort("e") end, function() error("handler", 0) end))
print(pcall(prompt.call, "e", function() prompt.abort("e") error("body", 0) end, function(k) return k() end))

-- 6. <close>: an abort does not close the captured frames' variables. They close when the
-- resumed body leaves their scope, when an error unwinds it, or when the continuation is
-- discarded (innermost first); discarding twice does nothing.
local function closer(name)
  return setmetatable({}, {__close = function(_, err) print("close " .. name, err) end})
end
local kept
prompt.call("c", function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  prompt.abort("c")
end, function(k) print("aborted, nothing closed") kept = k end)
print(prompt.discard(kept))
print(prompt.discard(kept), prompt.alive(kept))
prompt.call("c", function()
  local c <close> = closer("c")
  prompt.abort("c")
  print("leaving the scope")
end, function(k) return k() end)
print(pcall(prompt.call, "c", function()
  local d <close> = closer("d")
  prompt.abort("c")
  error("unwinding", 0)
end, function(k) return k() end))
local eff
effect.resume(effect.new(function()
  local e <close> = closer("e")
  effect.suspend(yield)
end), {[yield] = function(k) eff = k end})
print(effect.discard(eff))
print(pcall(effect.resume, eff))

-- 7. After all this the instance is intact: globals, the string metatable, coroutines.
print(("ok"):upper(), select(2, coroutine.running()), select("#", prompt.call("t", function() end, print)))
