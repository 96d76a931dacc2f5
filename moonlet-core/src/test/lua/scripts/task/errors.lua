-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- Bad arguments get Lua's own messages; the instance goes on.
print(pcall(task.spawn))
print(pcall(task.spawn, 42))
print(pcall(task.send, 1))
print(pcall(task.status, {}))
print(pcall(task.kill))
print(pcall(task.join, "x"))
print(pcall(task.sleep, "soon"))
print(pcall(task.recv, {}))
print(pcall(task.join, task.self()))
print(select("#", task.yield()))
