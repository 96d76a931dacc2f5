-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- Sleeps and receive timeouts. The tests run with a virtual clock, so times are exact.

local order = {}
for _, d in ipairs{0.3, 0.1, 0.2} do
  task.spawn(function() task.sleep(d); order[#order + 1] = d end)
end
task.sleep(0.5)
print(table.concat(order, " "))

print(task.recv(0.1))          -- nothing came: nil
print(task.recv(0))            -- only looks
local me = task.self()
task.spawn(function() task.sleep(0.05); task.send(me, "early") end)
print(task.recv(1))
-- The timeout of a receive that got its message does not linger.
task.spawn(function() task.sleep(2); task.send(me, "late") end)
print(task.recv(1))
print(task.recv())

-- sleep(0) and negative sleeps let the others run, like yield.
local ran = false
task.spawn(function() ran = true end)
task.sleep(-1)
print(ran)
