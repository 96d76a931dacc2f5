-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- Scheduling order: round robin; spawned and woken tasks go to the back of the ready queue;
-- task.yield ends a turn; a busy task is pre-empted when its fuel slice is spent.

local out = {}
local function worker(name, n)
  for i = 1, n do
    out[#out + 1] = name .. i
    task.yield()
  end
end
local a = task.spawn(worker, "a", 3)
task.spawn(worker, "b", 2)
task.spawn(worker, "c", 1)
task.join(a)
print(table.concat(out, " "))

-- Pre-emption: the spinner never yields, yet main gets its turn back.
local stop, count = false, 0
local spinner = task.spawn(function()
  while not stop do count = count + 1 end
  return "stopped"
end)
task.yield()
print(count > 0, task.status(spinner))
stop = true
print(task.join(spinner))

-- Two senders interleave by turns; the mailbox keeps arrival order.
local collector = task.spawn(function()
  local got = {}
  for i = 1, 6 do got[i] = task.recv() end
  return table.concat(got, " ")
end)
for _, name in ipairs{"p", "q"} do
  task.spawn(function()
    for i = 1, 3 do
      task.send(collector, name .. i)
      task.yield()
    end
  end)
end
print(task.join(collector))
