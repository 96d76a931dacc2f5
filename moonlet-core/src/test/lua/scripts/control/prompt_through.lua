-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- An abort passes through Lua calls, pcall, xpcall, metamethods, iterators, sort comparators,
-- gsub callbacks and tail calls, and the continuation resumes them all where they were.

local function ask(question)
  return prompt.abort("ask", question)
end
local function answering(f, ...)
  return prompt.call("ask", f, function(k, question) return k("<" .. question .. ">") end, ...)
end

-- pcall and xpcall: the abort is no error, and the protected call goes on after resuming.
print(answering(function() return pcall(ask, "p") end))
print(answering(function() return xpcall(function() return ask("x") end, debug.traceback) end))
-- an error after resuming is still caught by the pcall that was captured
print(answering(function() return pcall(function() ask("e") error("after", 0) end) end))

-- Metamethods.
local mt = {
  __index = function(t, key) return ask("index " .. key) end,
  __add = function(a, b) return ask("add") end,
  __lt = function(a, b) return ask("lt") == "<lt>" end,
  __concat = function(a, b) return ask("concat") end,
  __call = function(self, x) return ask("call " .. x) end,
  __eq = function(a, b) return ask("eq") ~= nil end,
}
local obj, other = setmetatable({}, mt), setmetatable({}, mt)
print(answering(function() return obj.field, obj + 1, obj < other, obj .. "s", obj("y"), obj == other end))

-- A generic for iterator, and a comparator of table.sort.
print(answering(function()
  local n = 0
  for v in function(_, last) if last < 3 then ask("next") return last + 1 end end, nil, 0 do n = n + v end
  return n
end))
print(answering(function()
  local t = {5, 2, 4, 1, 3}
  table.sort(t, function(a, b) ask("cmp") return a < b end)
  return table.concat(t, " ")
end))

-- string.gsub with a function, and a tail call of a builtin and of a Lua function.
print(answering(function() return (string.gsub("ab", "%w", ask)) end))
print(answering(function() return select("#", ask("tail")) end))
print(answering(function() local function f() return ask("lua tail") end return f() end))

-- Varargs and many values survive the capture.
print(answering(function(...)
  local before = select("#", ...)
  ask("varargs")
  return before, ...
end, 1, nil, 3, nil))

-- Upvalues of captured frames: a closure made before the abort shares the variable with
-- the frame after it resumes.
print(answering(function()
  local count = 0
  local function bump() count = count + 1 end
  bump()
  ask("upvalue")
  bump()
  return count
end))
local later
print(prompt.call("u", function()
  local v = "before"
  later = function() return v end
  prompt.abort("u")
  v = "after"
  return later()
end, function(k) print(later()) return k() end))
