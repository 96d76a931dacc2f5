-- Tables nested one inside the next without end.
-- expect: error not enough memory
local t = {}
while true do t = {t} end
