-- __index functions that pass the lookup around a ring of three tables.
-- expect: error meta-index-function-chain.lua:5: C stack overflow
local ring = {{}, {}, {}}
for i = 1, 3 do
  setmetatable(ring[i], {__index = function(_, k) return ring[i % 3 + 1][k] end})
end
return ring[1].x
