-- hand-written: Moonlet's effect and task libraries; the .out was written by hand.
-- Values that only a suspended continuation or a task's mailbox holds survive a collection.
local tag = effect.tag("t")
local weak = setmetatable({}, {__mode = "v"})
local k = effect.new(function()
  local held = {}
  weak.captured = held
  effect.suspend(tag)
  return weak.captured == held
end)
local suspended
effect.resume(k, {[tag] = function(k2) suspended = k2 end})
collectgarbage()
print("captured kept", weak.captured ~= nil)
print("resumed", effect.resume(suspended, {}))

local h = task.spawn(function() return task.recv() end)
do
  local message = {}
  weak.mailed = message
  task.send(h, message)
end
collectgarbage()
print("mailed kept", weak.mailed ~= nil)
print("joined", task.join(h) == weak.mailed)

weak.captured, weak.mailed = nil, nil
do weak.dropped = {} end
collectgarbage()
print("dropped", weak.dropped)
