-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand.
-- Multi-shot continuations: prompt.clone and effect.clone.

-- A clone runs the same frames again, independently: locals of the captured frames are
-- copied, so each run starts from the values they had at the capture.
local k
print(prompt.call("p", function()
  local n = 10
  local x = prompt.abort("p")
  n = n + x
  return n
end, function(k0) k = k0 return "captured" end))
local c1, c2 = prompt.clone(k), prompt.clone(k)
print(prompt.alive(k), prompt.alive(c1), prompt.alive(c2))
print(c1(1), c2(2), k(3))
print(prompt.alive(k), prompt.alive(c1), prompt.alive(c2))

-- Clones through pcall, nested prompts and effect resumes: they copy themselves.
local choose = effect.tag("choose")
local results = {}
local function explore(k, ...)
  effect.resume(k, {[choose] = function(k2, a, b)
    explore(effect.clone(k2), a)
    explore(k2, b)
  end}, ...)
end
explore(effect.new(function()
  local ok, v = pcall(function()
    local first = effect.suspend(choose, "a", "b")
    return prompt.call("inner", function()
      return first .. effect.suspend(choose, "1", "2")
    end, print)
  end)
  results[#results + 1] = v
end))
print(table.concat(results, " "))

-- amb: backtracking search, each choice point cloned once per option.
local fail = {}
local function amb(...)
  local options = {...}
  return prompt.shift(function(k)
    for _, o in ipairs(options) do
      local r = k(o)
      if r ~= fail then return r end
    end
    return fail
  end)
end
print(prompt.reset(function()
  local x = amb(1, 2, 3, 4, 5)
  local y = amb(1, 2, 3, 4, 5)
  if x + y ~= 7 or x >= y then return fail end
  return x .. "+" .. y
end))

-- Builtins that finish with one call (tostring with __tostring, pairs with __pairs) copy
-- themselves too.
local shown = setmetatable({}, {__tostring = function() return "shown " .. prompt.abort("p") end})
print(prompt.call("p", function() return tostring(shown) end, function(k)
  local copy = prompt.clone(k)
  return k("once"), copy("twice")
end))

-- Cloning a continuation that has not started copies nothing but its bound values.
local adder = effect.bind(effect.new(function(a, b) return a + b end), 100)
local copy = effect.clone(adder)
print(effect.resume(adder, nil, 1), effect.resume(copy, nil, 2))

-- What cannot be cloned: a consumed continuation, a frame of a builtin that cannot copy
-- itself, a pending to-be-closed variable.
print(pcall(prompt.clone, k))
print(pcall(effect.clone, adder))
local sorted
prompt.call("s", function()
  table.sort({2, 1}, function(a, b) prompt.abort("s") return a < b end)
end, function(k) sorted = k end)
print(pcall(prompt.clone, sorted))
local closing
prompt.call("c", function()
  local x <close> = setmetatable({}, {__close = function() print("closed once") end})
  prompt.abort("c")
end, function(k) closing = k end)
print(pcall(prompt.clone, closing))
closing()
print(pcall(prompt.clone, print))
