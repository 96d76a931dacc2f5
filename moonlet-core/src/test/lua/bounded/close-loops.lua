-- A __close handler that never returns.
-- expect: budget
do local x <close> = setmetatable({}, {__close = function() while true do end end}) end
