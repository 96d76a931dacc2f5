-- tasks.lua: green threads with mailboxes (the task library).
-- A worker pool: the main task hands out jobs, workers send back results.
local function worker(id, boss)
  while true do
    local job = task.recv()
    if job == nil then return id end            -- no more work
    task.send(boss, id, job, job * job)
  end
end

local workers = {}
for id = 1, 3 do workers[id] = task.spawn(worker, id, task.self()) end
for job = 1, 6 do task.send(workers[(job - 1) % 3 + 1], job) end
for _ = 1, 6 do
  local id, job, square = task.recv()
  print(("worker %d: %d squared is %d"):format(id, job, square))
end
for _, w in ipairs(workers) do task.send(w, nil) end
print("done:", task.join(workers[1]), task.join(workers[2]), task.join(workers[3]))

-- Timers: the sleeper that wakes first prints first; a receive can time out.
for _, s in ipairs{0.03, 0.01, 0.02} do
  task.spawn(function() task.sleep(s) print("slept", s) end)
end
print("recv with a timeout:", task.recv(0.05))
