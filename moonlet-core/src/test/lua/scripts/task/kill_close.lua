-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- task.kill runs the killed task's pending __close handlers, in the killed task, as
-- coroutine.close runs a coroutine's: innermost first, each with nil as the error.

local function closer(name, body)
  return setmetatable({}, {__close = function(_, err)
    print("close " .. name, err, task.self() == CURRENT)
    if body then body() end
  end})
end

-- Spawns f as a task, lets it run until it blocks, kills it and shows how it ended.
local function killed(f)
  local t = task.spawn(f)
  CURRENT = t
  task.yield()
  task.kill(t)
  print(pcall(task.join, t))
end

-- A task waiting in recv, with to-be-closed variables in two frames and in a coroutine it resumed.
local t = task.spawn(function()
  local outer <close> = closer("outer")
  local function inner()
    local inner <close> = closer("inner")
    local co = coroutine.wrap(function()
      local deep <close> = closer("deep")
      task.recv()
      print("never")
    end)
    co()
  end
  inner()
  print("never")
end)
CURRENT = t
task.yield()
print(task.status(t), task.kill(t), task.status(t))
print(pcall(task.join, t))
print(task.status(t), task.kill(t))

-- No handler pending: dead at once, as before.
local plain = task.spawn(function() task.recv() end)
task.yield()
print(task.kill(plain), task.status(plain))

-- Handlers may block: here one sends to main and waits for its answer.
local main = task.self()
local polite = task.spawn(function()
  local bye <close> = closer("bye", function()
    task.send(main, "goodbye from", task.self())
    print("answer", task.recv())
  end)
  task.sleep(1000)
end)
CURRENT = polite
task.yield()
print(task.kill(polite))
local what, who = task.recv()
print(what, who == polite, task.status(polite))
task.send(polite, "bye")
print(pcall(task.join, polite))

-- A handler's error goes to the handlers after it and to joiners, as with coroutine.close.
killed(function()
  local a <close> = closer("a")
  local b <close> = closer("b", function() error("b failed") end)
  task.recv()
end)

-- A task killing itself runs its handlers, including those of the frame that killed it.
local suicidal = task.spawn(function()
  local last <close> = closer("last")
  print("before")
  task.kill(task.self())
  print("after")
end)
CURRENT = suicidal
print(pcall(task.join, suicidal))

-- Killing a task that runs its handlers ends it at once: the handlers left do not run.
local stubborn = task.spawn(function()
  local never <close> = closer("never runs")
  local hang <close> = closer("hang", function() task.recv(); print("never") end)
  task.recv()
end)
CURRENT = stubborn
task.yield()
print(task.kill(stubborn), task.status(stubborn))
task.yield()
print(task.status(stubborn), task.kill(stubborn), task.status(stubborn))
print(pcall(task.join, stubborn))

-- Handlers that a coroutine.close, or an error unwinding, had yet to call still run.
killed(function()
  local co = coroutine.create(function()
    local second <close> = closer("second")
    local first <close> = closer("first", function() task.recv() end)
    coroutine.yield()
  end)
  coroutine.resume(co)
  local mine <close> = closer("mine")
  coroutine.close(co)
end)
killed(function()
  local second <close> = closer("second")
  local first <close> = closer("first", function() task.recv() end)
  error("unwinding")
end)

killed(function()
  local f = coroutine.wrap(function()
    local second <close> = closer("wrapped second")
    local first <close> = closer("wrapped first", function() task.recv() end)
    error("wrapped failed")
  end)
  f()
end)

-- A suspended coroutine the task keeps is not closed (as coroutine.close closes only its own).
local keeper = task.spawn(function()
  local co = coroutine.create(function()
    local kept <close> = closer("kept")
    coroutine.yield()
  end)
  coroutine.resume(co)
  KEPT = co
  task.recv()
end)
task.yield()
task.kill(keeper)
print(coroutine.status(KEPT))
CURRENT = task.self()
print(coroutine.close(KEPT))
