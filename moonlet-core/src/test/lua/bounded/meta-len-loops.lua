-- A __len that never returns.
-- expect: budget
local t = setmetatable({}, {__len = function() while true do end end})
return #t
