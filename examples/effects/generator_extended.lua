-- The extended generator of the WasmFX proposal: the generator is started with an argument
-- bound to it (effect.bind), and each suspension returns whether the consumer wants it to
-- reset, in which case it counts down from the beginning again.
-- Run: ./moonlet examples/effects/generator_extended.lua

local gen = effect.tag("gen")

local function generator(from)
  local i = from
  while i > 0 do
    local reset = effect.suspend(gen, i)
    if reset then i = from else i = i - 1 end
  end
end

local function consumer()
  local k = effect.bind(effect.new(generator), 10)   -- generator(10), not started yet
  local printed, resets, reset = {}, 0, nil
  local handlers = {[gen] = function(next, v)
    printed[#printed + 1] = v
    -- Ask for one reset, when the generator has counted down to 5.
    if v == 5 and resets == 0 then resets = resets + 1 reset = true else reset = false end
    return next
  end}
  k = effect.resume(k, handlers)
  while k do
    k = effect.resume(k, handlers, reset)
  end
  print(table.concat(printed, " "))
end

consumer()
