-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- The tasks left when the main chunk ends keep running until none can.
local function countdown(name, n)
  for i = n, 1, -1 do
    print(name, i)
    task.sleep(1)
  end
  print(name, "done")
end
task.spawn(countdown, "x", 2)
task.spawn(countdown, "y", 3)
task.spawn(function() task.recv(); print("never: nobody sends") end)
print("main ends")
