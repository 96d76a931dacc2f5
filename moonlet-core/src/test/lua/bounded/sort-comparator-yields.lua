-- A sort comparator that yields at every comparison, driven to the end by its resumer.
-- expect: finished
-- lua5.4: error sort-comparator-yields.lua:10: attempt to yield across a C-call boundary
local t = {}
for i = 1, 2000 do t[i] = (i * 7919) % 2003 end
local co = coroutine.wrap(function()
  table.sort(t, function(a, b) coroutine.yield() return a < b end)
  return "done"
end)
repeat local r = co() until r == "done"
for i = 2, #t do assert(t[i - 1] <= t[i]) end
