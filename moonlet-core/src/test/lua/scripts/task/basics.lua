-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- spawn, send, recv, self, status, join, kill.

-- A spawned task waits in the ready queue until the running one blocks or ends its turn.
local log = {}
local t = task.spawn(function(a, b) log[#log + 1] = a .. b; return a, b end, "x", "y")
print(type(t), tostring(t), tostring(task.self()))
print(task.status(t), task.status(task.self()), #log)
print(task.join(t))              -- blocks main: t runs and ends
print(task.status(t), log[1])
print(task.join(t))              -- an ended task keeps its results

-- Messages carry any number of values, queue in order, and wait in the mailbox.
local echo = task.spawn(function()
  while true do
    local from, a, b = task.recv()
    if from == nil then return "echo done" end
    task.send(from, "got", a, b)
  end
end)
print(task.send(echo, task.self(), 1, 2), task.send(echo, task.self(), "three"))
print(task.recv())
print(task.recv())
print(task.send(echo, nil))      -- a message of one nil: echo returns
print(task.join(echo))
print(task.send(echo, 1))        -- to a dead task: false

-- Handles compare equal and can be table keys; self() is the same handle each time.
local seen = {}
seen[task.self()] = "main"
print(seen[task.self()], task.self() == task.self(), t == echo)

-- Errors: join raises the task's error; status is dead.
local bad = task.spawn(function() error({code = 42}) end)
local ok, e = pcall(task.join, bad)
print(ok, type(e), e.code, task.status(bad))
local bad2 = task.spawn(function() error("boom") end)
print(pcall(task.join, bad2))

-- kill: a waiting task ends; joiners get "task killed"; killing again answers false.
local sleeper = task.spawn(function() task.recv(); print("never") end)
task.yield()                     -- let it run up to its recv
print(task.status(sleeper), task.kill(sleeper), task.status(sleeper), task.kill(sleeper))
print(pcall(task.join, sleeper))
print(task.send(sleeper, "late"))

-- A task killing itself stops at once.
local suicidal = task.spawn(function() print("before"); task.kill(task.self()); print("after") end)
print(pcall(task.join, suicidal))
