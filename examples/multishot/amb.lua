-- Backtracking search with multi-shot continuations: amb(choices) captures the rest of the
-- search once and resumes a clone of it for every choice (prompt.shift's k is composable
-- and runs a copy of the captured frames on each call).
-- Run: ./moonlet examples/multishot/amb.lua

local function amb(choices)
  return prompt.shift(function(k)
    for _, c in ipairs(choices) do k(c) end
  end)
end

-- Pythagorean triples with sides up to 20.
local found = {}
prompt.reset(function()
  local a = amb({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  local b = amb({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  local c = amb({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  if a < b and a * a + b * b == c * c then found[#found + 1] = a .. "-" .. b .. "-" .. c end
end)
print(table.concat(found, " "))

-- With effect handlers: a choose effect whose handler clones the continuation per option,
-- collecting every outcome (the list monad).
local choose = effect.tag("choose")
local function all_results(f)
  local results = {}
  local function run(k, ...)
    return effect.resume(k, {[choose] = function(k2, options)
      for i = 1, #options do
        local copy = i < #options and effect.clone(k2) or k2
        run(copy, options[i])
      end
    end}, ...)
  end
  run(effect.new(function()
    local r = f()                -- before indexing results: each copy appends its own
    results[#results + 1] = r
  end))
  return results
end
print(table.concat(all_results(function()
  local coin1 = effect.suspend(choose, {"H", "T"})
  local coin2 = effect.suspend(choose, {"H", "T"})
  return coin1 .. coin2
end), " "))
