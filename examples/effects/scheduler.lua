-- The static lightweight-threads scheduler of the WasmFX proposal: a fixed set of threads,
-- each printing three numbers and yielding after each, run round robin by a scheduler that
-- handles the yield effect. Prints -1 10 20 30 11 21 31 12 22 32 -2, a number per line.
-- Run: ./moonlet examples/effects/scheduler.lua

local yield = effect.tag("yield")

local function thread(first)
  return function()
    for i = first, first + 2 do
      print(i)
      effect.suspend(yield)
    end
  end
end

local function scheduler(threads)
  local queue = {}
  for i, f in ipairs(threads) do queue[i] = effect.new(f) end
  while #queue > 0 do
    local k = table.remove(queue, 1)
    effect.resume(k, {[yield] = function(next) queue[#queue + 1] = next end})
  end
end

print(-1)
scheduler({thread(10), thread(20), thread(30)})
print(-2)
