-- __close handlers that yield, run while a coroutine returns.
-- expect: finished
local co = coroutine.wrap(function()
  for i = 1, 1000 do
    local x <close> = setmetatable({}, {__close = function() coroutine.yield(i) end})
  end
  return "done"
end)
repeat local r = co() until r == "done"
