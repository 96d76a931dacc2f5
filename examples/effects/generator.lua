-- The generator of the WebAssembly stack-switching proposal (WasmFX), with effect handlers:
-- the generator suspends with each value, from 100 down to 1; the consumer resumes it until
-- it returns, printing the values.
-- Run: ./moonlet examples/effects/generator.lua

local gen = effect.tag("gen")

local function generator()
  for i = 100, 1, -1 do
    effect.suspend(gen, i)
  end
end

local function consumer()
  local k = effect.new(generator)
  local printed = {}
  while k do
    -- The handler runs in the consumer with the suspended generator and the value.
    k = effect.resume(k, {[gen] = function(next, v)
      printed[#printed + 1] = v
      return next
    end})
  end
  print(table.concat(printed, " "))
end

consumer()
