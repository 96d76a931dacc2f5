-- hand-written: the prompt and effect libraries are Moonlet's (lua5.4 has none); the .out was written by hand. prompt.call / prompt.abort.

-- The issue's example: the handler gets the abort's values spread, k(100) resumes.
print(prompt.call("t", function() return 1 + prompt.abort("t", 10, 20, 30) end,
  function(k, a, b, c) print(a, b, c) return k(100) end))

-- No abort: the body's results, all of them; extra arguments go to the body.
print(prompt.call("t", function(...) return ... end, error, 1, nil, 3))

-- The handler's results, spread, are prompt.call's.
print(prompt.call("t", function() prompt.abort("t") end, function(k) return "a", "b", "c" end))

-- The continuation runs under a reinstated prompt with the same tag and handler: a second
-- abort in the resumed body reaches the same handler again.
local turns = 0
local what, sum = prompt.call("loop", function()
  local sum = 0
  for i = 1, 3 do sum = sum + prompt.abort("loop", i) end
  return "sum", sum
end, function(k, i) turns = turns + 1 return k(i * 10) end)
print(what, sum, turns)

-- k returns what the reinstated prompt returns, so a handler can post-process it.
print(prompt.call("t", function() return prompt.abort("t") .. "!" end,
  function(k) return "<" .. k("x") .. ">" end))

-- Nested prompts: an abort goes to the innermost prompt with its tag, past the others.
print(prompt.call("outer", function()
  return "inner gave " .. prompt.call("inner", function()
    return prompt.abort("outer", "skip") .. " and inner body"
  end, function() return "inner handler" end)
end, function(k, v) return k(v) end))
print(prompt.call("same", function()
  return prompt.call("same", function() return prompt.abort("same", 1) end,
    function(k, v) return "innermost " .. v end)
end, function() return "outer" end))

-- Tags are compared as by rawequal: 1 and 1.0 are the same tag, tables by identity.
print(prompt.call(1, function() return prompt.abort(1.0, "float tag") end, function(k, v) return v end))
local t1, t2 = {}, {}
local ok, err = pcall(prompt.call, t1, function() return prompt.abort(t2) end, print)
print(ok, (string.gsub(err, "0x%x+", "ADDR")))

-- prompt.alive, and a continuation that escapes its handler, called later.
local saved
print(prompt.call("e", function() return "resumed with " .. prompt.abort("e") end,
  function(k) saved = k return "escaped" end))
print(prompt.alive(saved))
print(saved("late"))
print(prompt.alive(saved))

-- Errors.
print(pcall(saved, "again"))
print(pcall(function() saved() end))
print(pcall(prompt.abort, "nowhere"))
print(pcall(function() prompt.abort("nowhere", 1) end))
print(pcall(prompt.call))
print(pcall(prompt.call, nil, print, print))
print(pcall(prompt.alive, print))
print(pcall(prompt.call, "t", function() prompt.abort("t") end, 42))
print(pcall(prompt.call, "t", 42, print))
