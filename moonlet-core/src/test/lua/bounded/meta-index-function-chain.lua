-- __index functions that pass the lookup around a ring of three tables.
-- Moonlet lets metamethods nest as deep as the Lua stack (no C stack: see ExecutorTest
-- deepMetamethodAndSequenceChainsRunOnASmallStack); lua5.4 stops at 200 C levels.
-- expect: error meta-index-function-chain.lua:8: stack overflow
-- lua5.4: error meta-index-function-chain.lua:8: C stack overflow
local ring = {{}, {}, {}}
for i = 1, 3 do
  setmetatable(ring[i], {__index = function(_, k) return ring[i % 3 + 1][k] end})
end
return ring[1].x
