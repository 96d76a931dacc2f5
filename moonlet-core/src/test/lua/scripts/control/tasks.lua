-- hand-written: the prompt, effect and task libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- Continuations and tasks: blocking inside prompts and handlers, task boundaries, resuming elsewhere.
-- 1. task.recv / task.yield inside a prompt body and inside an effect continuation
local t = task.spawn(function()
  return prompt.call("p", function()
    local msg = task.recv()               -- blocks this task, prompt and all
    return "got " .. msg .. prompt.abort("p", "!")
  end, function(k, v) return k(v) end)
end)
task.send(t, "hello")
print(task.join(t))
local yield = effect.tag("yield")
local t2 = task.spawn(function()
  local k = effect.new(function() for i = 1, 2 do task.yield() effect.suspend(yield, i) end return "end" end)
  local log = {}
  local r
  repeat r = effect.resume(k, {[yield] = function(k2, v) log[#log + 1] = v k = k2 return k2 end}) until r == "end"
  return table.concat(log, ",")
end)
print(task.join(t2))
-- 2. a capture does not cross a task's boundary
print(prompt.call("p", function()
  local child = task.spawn(function() return prompt.abort("p") end)
  return pcall(task.join, child)
end, function() return "handler reached" end))
-- 3. a continuation captured in one task, resumed in another
local saved
prompt.call("q", function() local v = prompt.abort("q") return "resumed with " .. v end, function(k) saved = k end)
print(task.join(task.spawn(function() return saved("another task") end)))
