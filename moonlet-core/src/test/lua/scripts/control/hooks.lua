-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- Prompts and effect handlers under hooks: captures find them through hooked frames, clones copy those.
local events = 0
debug.sethook(function() events = events + 1 end, "crl")
print(prompt.call("t", function() return 1 + prompt.abort("t", 10) end, function(k, a) return k(a) end))
local x = effect.tag("x")
print(effect.resume(effect.new(function() return effect.suspend(x, 1) + 1 end), {[x] = function(k, v) return effect.resume(k, nil, v * 10) end}))
print(prompt.reset(function() return 10 * prompt.shift(function(k) return k(1) + k(2) end) end))
debug.sethook()
print(events > 0)
