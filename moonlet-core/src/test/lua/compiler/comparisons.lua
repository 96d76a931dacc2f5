local a, b = ...
if a == 1 then print(1) end
if 1 == a then print(1) end
if a == "x" then print(1) end
if a ~= nil then print(1) end
if a == b then print(1) end
if a < 5 then print(1) end
if 5 < a then print(1) end
if a <= 5.0 then print(1) end
if a > 1000 then print(1) end
if a >= b then print(1) end
if not a then print(1) end
if a and b or not a then print(1) end
local c = a < b
local d = a and b
local e = a or b
local f = (a and b) or (c and d)
local g = not (a == b)
while not a do a = b end
repeat local z = a until z and b
if a then elseif b then else end
