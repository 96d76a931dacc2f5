-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- prompt.reset / prompt.shift: textbook delimited control, k composable and multi-shot.

-- The issue's example: 2 * (1 + 5).
print(2 * prompt.reset(function() return 1 + prompt.shift(function(k) return k(5) end) end))

-- No shift: reset returns the body's results.
print(prompt.reset(function(a, b) return a, b end, "x", "y"))

-- shift's function replaces the whole reset: without calling k, its value is the result.
print(prompt.reset(function() return 1 + prompt.shift(function(k) return 42 end) end))

-- k may be called many times; each call runs the rest of the body again.
print(prompt.reset(function() return 10 * prompt.shift(function(k) return k(1) + k(2) + k(3) end) end))

-- k composes: k(k(1)) = 2 * (2 * 1).
print(prompt.reset(function() return 2 * prompt.shift(function(k) return k(k(1)) end) end))

-- Two shifts in one body: k(1) gives (1 + 10) * (1 + 100), k(2) gives (2 + 10) * (2 + 100).
print(prompt.reset(function()
  local a = prompt.shift(function(k) return k(1) + k(2) end)
  local b = prompt.shift(function(k) return k(10) * k(100) end)
  return a + b
end))

-- Locals after the shift are fresh in each run, and locals before it keep their values.
local log = {}
prompt.reset(function()
  local before = "b"
  local x = prompt.shift(function(k) k("one") k("two") end)
  local after = before .. x
  log[#log + 1] = after
end)
print(table.concat(log, " "))

-- The shift's function runs under the reset: a shift inside it captures "f:" .. _ up to that
-- reset, and its value "g" becomes the reset's.
print(prompt.reset(function()
  return "body " .. prompt.shift(function(k)
    return "f:" .. prompt.shift(function(k2) return "g" end)
  end)
end))

-- Nested resets: a shift reaches the innermost.
print(prompt.reset(function()
  return "outer " .. prompt.reset(function()
    return "inner " .. prompt.shift(function(k) return k("x") .. "!" end)
  end)
end))

-- Building a list with shift (the classic "collect" example): each element is yielded by
-- a shift whose function conses it onto the rest.
local function yield(v) prompt.shift(function(k) local rest = k() table.insert(rest, 1, v) return rest end) end
local list = prompt.reset(function() yield(1) yield(2) yield(3) return {} end)
print(table.concat(list, ","))

-- A k whose frames cannot be copied runs once; a second call says why.
print(pcall(prompt.reset, function()
  local t = {2, 1}
  table.sort(t, function(a, b) return prompt.shift(function(k) return k(a < b), k(a < b) end) end)
end))

-- shift outside reset, and across a coroutine.
print(pcall(function() return prompt.shift(print) end))
print(prompt.reset(function()
  return coroutine.wrap(function() return pcall(prompt.shift, print) end)()
end))
