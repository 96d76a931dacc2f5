-- A __close handler that raises.
-- expect: error close-errors.lua:3: in close
local x <close> = setmetatable({}, {__close = function() error("in close") end})
