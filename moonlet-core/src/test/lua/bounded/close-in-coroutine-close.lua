-- coroutine.close of a coroutine whose __close handler raises.
-- expect: finished
local co = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() error("closing", 0) end})
  coroutine.yield()
end)
coroutine.resume(co)
local ok, e = coroutine.close(co)
assert(not ok and e == "closing")
