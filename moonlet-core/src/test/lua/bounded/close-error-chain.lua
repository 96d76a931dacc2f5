-- A hundred __close handlers, each raising over the error before it.
-- expect: error close-error-chain.lua:5: close 100
local function nest(n)
  if n == 0 then error("bottom") end
  local x <close> = setmetatable({}, {__close = function() error("close " .. n) end})
  nest(n - 1)
end
nest(100)
