-- The same threads, but a thread gives way by switching straight to the next one
-- (effect.switch, handled by effect.SWITCH), without going through the scheduler: the
-- thread switched to gets the one that switched as its last value, and queues it.
-- Prints -1 10 20 30 11 21 31 12 22 32 -2, a number per line.
-- Run: ./moonlet examples/effects/scheduler_switch.lua

local yield = effect.tag("yield")
local queue = {}

local function give_way()
  local nxt = table.remove(queue, 1)
  if nxt == nil then return end            -- alone: go on
  local previous = effect.switch(nxt, yield)
  queue[#queue + 1] = previous
end

local function thread(first)
  return function(previous)
    if previous then queue[#queue + 1] = previous end
    for i = first, first + 2 do
      print(i)
      give_way()
    end
  end
end

print(-1)
for _, f in ipairs({thread(10), thread(20), thread(30)}) do queue[#queue + 1] = effect.new(f) end
while #queue > 0 do
  effect.resume(table.remove(queue, 1), {[yield] = effect.SWITCH})
end
print(-2)
