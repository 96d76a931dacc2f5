-- A generator that never ends, driven by a for loop.
-- expect: budget
for i in coroutine.wrap(function() local i = 0 while true do i = i + 1 coroutine.yield(i) end end) do end
