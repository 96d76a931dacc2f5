-- A ring of tasks passing a token: each task waits for the token, counts one pass and hands
-- it to the next task, until the token has been passed the given number of times.
-- usage: moonlet examples/ring.lua [tasks] [passes]
local ntasks = tonumber(arg and arg[1]) or 10000
local passes = tonumber(arg and arg[2]) or 1000000

local function member(first)
  local next_task = task.recv()           -- the first message names the next task in the ring
  while true do
    local left = task.recv()
    if left == 0 then
      task.send(first, "done")
      return
    end
    task.send(next_task, left - 1)
  end
end

local main = task.self()
local ring = {}
for i = 1, ntasks do ring[i] = task.spawn(member, main) end
for i = 1, ntasks do task.send(ring[i], ring[i % ntasks + 1]) end

local start = os.clock()
task.send(ring[1], passes)
assert(task.recv() == "done")
local seconds = os.clock() - start
print(string.format("%d tasks passed the token %d times", ntasks, passes))
io.stderr:write(string.format("%.2f s, %.0f messages/s\n", seconds, passes / seconds))
