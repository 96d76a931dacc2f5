-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- What tasks hold is reachable: messages waiting in a mailbox, and live tasks' handles.
local weak = setmetatable({}, {__mode = "k"})

local receiver = task.spawn(function()
  task.sleep(1)                          -- the message waits in the mailbox meanwhile
  local t = task.recv()
  return weak[t]
end)
do
  local t = {}
  weak[t] = "kept in the mailbox"
  task.send(receiver, t)
end
collectgarbage()
collectgarbage()
print(task.join(receiver))

do
  weak[task.spawn(function()
    task.sleep(1)
    print("handle still known:", weak[task.self()])
  end)] = true
end
collectgarbage()
collectgarbage()
task.sleep(2)
