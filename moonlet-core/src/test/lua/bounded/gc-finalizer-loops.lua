-- A finalizer that never returns, run by a full collection.
-- expect: budget
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
