-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- When the main chunk fails, the program stops there: the other tasks run no more.
task.spawn(function() print("never runs") end)
print("main")
error("main failed")
