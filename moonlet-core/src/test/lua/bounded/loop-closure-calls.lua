-- A loop that calls a fresh closure on every turn.
-- expect: budget
local i = 0
while true do
  local f = function() i = i + 1 end
  f()
end
