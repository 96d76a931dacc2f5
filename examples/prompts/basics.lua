-- Prompts: prompt.call / prompt.abort, and shift/reset.
-- Run: ./moonlet examples/prompts/basics.lua

-- The handler gets the continuation k and the abort's values; k(100) makes the abort
-- return 100 and runs the rest of the body under the same prompt again.
print(prompt.call("t",
  function() return 1 + prompt.abort("t", 10, 20, 30) end,
  function(k, a, b, c) print(a, b, c) return k(100) end))

-- A handler that does not call k: the abort leaves the body for good (an exception).
print(prompt.call("fail",
  function() prompt.abort("fail", "no luck") print("never printed") end,
  function(k, why) return "failed: " .. why end))

-- Textbook shift/reset: k is composable, and may be called many times.
print(2 * prompt.reset(function()
  return 1 + prompt.shift(function(k) return k(5) end)
end))
print(prompt.reset(function()
  return 10 * prompt.shift(function(k) return k(1) + k(2) + k(3) end)
end))
