-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- A receive that blocks gets the message that woke it (Poline loses it), also from inside a
-- coroutine and across pcall.
local got
local r = task.spawn(function()
  local a = task.recv()
  local b = task.recv()
  got = {a, b}
end)
task.yield()
print(task.status(r))
task.send(r, "first")
task.send(r, "second")
task.join(r)
print(got[1], got[2])

local r2 = task.spawn(function()
  local gen = coroutine.wrap(function()
    while true do coroutine.yield(task.recv()) end
  end)
  return pcall(function() return gen() .. gen() end)
end)
task.yield()
task.send(r2, "x")
task.send(r2, "y")
print(task.join(r2))

-- A receive in a sort comparator: the whole task waits, the sort goes on afterwards.
local sorter = task.spawn(function()
  local t = {3, 1, 2}
  table.sort(t, function(x, y) return task.recv(0) == nil and x < y end)
  return table.concat(t, ",")
end)
print(task.join(sorter))
