-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- Values held only by a captured continuation are reachable: a full collection neither
-- finalizes them nor clears them from weak tables; once the continuation is gone, it does.
local weak = setmetatable({}, {__mode = "v"})
local k
prompt.call("p", function()
  local held = setmetatable({}, {__gc = function() print("finalized") end})
  weak[1] = held
  prompt.abort("p")
  print("resumed, still held:", weak[1] == held)
end, function(k0) k = k0 end)
collectgarbage()
collectgarbage()
print("after collecting:", weak[1] ~= nil)
k()
k = nil
collectgarbage()
collectgarbage()
print("after dropping:", weak[1] == nil)

local tag = effect.tag("t")
local ek
effect.resume(effect.new(function(...)
  local args = {...}
  weak[2] = args
  effect.suspend(tag)
  return #args
end), {[tag] = function(k2) ek = k2 end}, 1, 2, 3)
collectgarbage()
collectgarbage()
print("effect continuation holds:", weak[2] ~= nil)
print(effect.resume(ek))
local bound = effect.bind(effect.new(function(t) return #t end), {4, 5})
collectgarbage()
print(effect.resume(bound))
