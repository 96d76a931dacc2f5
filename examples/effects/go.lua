-- Go's goroutines with effect handlers, after the WasmFX proposal's example: main starts
-- printOdds with `go`, and both print and yield in turn, so 1 to 10 come out in order.
-- A `go` runs the new goroutine at once and queues its parent.
-- Run: ./moonlet examples/effects/go.lua

local yield_tag = effect.tag("yield")
local fork_tag = effect.tag("fork")

local function yield() effect.suspend(yield_tag) end
local function go(f) effect.suspend(fork_tag, f) end

local function printOdds()
  for i = 1, 10, 2 do
    print(i)
    yield()
  end
end

local function main()
  go(printOdds)
  for i = 2, 10, 2 do
    print(i)
    yield()
  end
end

local function run(f)
  local queue = {effect.new(f)}
  local handlers
  handlers = {
    [yield_tag] = function(k) queue[#queue + 1] = k end,
    [fork_tag] = function(k, child)
      table.insert(queue, 1, k)             -- the parent runs after the child's first turn
      table.insert(queue, 1, effect.new(child))
    end,
  }
  while #queue > 0 do
    effect.resume(table.remove(queue, 1), handlers)
  end
end

run(main)
