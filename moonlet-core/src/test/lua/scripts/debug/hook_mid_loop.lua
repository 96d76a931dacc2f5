-- A hook set inside a running loop takes effect at the next instruction, and a loop freed of
-- its hook goes on from where it was (the compiled tier hands the frame to the interpreter
-- and takes it back).
local lines = {}
local function hook(_, line) lines[#lines + 1] = line end
local sum = 0
for i = 1, 8 do
  if i == 3 then debug.sethook(hook, 'l') end
  sum = sum + i
  if i == 5 then debug.sethook() end
end
print(sum, table.concat(lines, ' '))

-- A count hook set from a function called in the loop.
local count = 0
local function every() count = count + 1 end
local function start() debug.sethook(every, '', 1) end
local x = 0
for i = 1, 100 do
  if i == 50 then start() end
  x = x + i
end
debug.sethook()
print(x, count > 100)
