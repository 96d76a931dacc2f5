-- A cooperative scheduler written with prompts, after the Urn article on delimited
-- continuations (call/p): a task gives way by aborting to the scheduler's prompt, and the
-- scheduler queues the continuation it gets back, to call it on the task's next turn.
-- Run: ./moonlet examples/prompts/run_tasks.lua

local TASK = {}   -- the prompt tag: a fresh table, equal to nothing else

--- Gives the other tasks a turn.
local function yield()
  prompt.abort(TASK)
end

--- Runs the task functions round robin until all of them have returned.
local function run_tasks(...)
  local queue = {...}
  while #queue > 0 do
    local task = table.remove(queue, 1)
    prompt.call(TASK, task, function(k)
      queue[#queue + 1] = k   -- the rest of the task: it runs on its next turn
    end)
  end
end

local function counter(name, n)
  return function()
    for i = 1, n do
      print(name .. " " .. i)
      yield()
    end
    print(name .. " done")
  end
end

run_tasks(counter("ping", 3), counter("pong", 2), function()
  print("once")
end)
