local a, b, c = 1, 2.5, "x"
local t = {1, 2, 3, x = 1, [b] = c, f(), ...}
print(a + b, a - 1, a * 2, a / b, a // 3, a % 4, a ^ 2, -a, ~a, #t, not a)
print(a & 1, a | 2, a ~ 3, a << 1, a >> 2, 1 << a, a .. b .. c)
x = a == 1 and b < 2 or c ~= "y"
if a < b then print(1) elseif a >= 3 then print(2) else print(3) end
while a < 10 do a = a + 1 if a == 5 then break end end
repeat local z = a; a = a - 1 until z < 3
for i = 1, 10, 2 do print(i) end
for k, v in pairs(t) do print(k, v) end
local function f(...) return ... end
function g.h:m(x) return self, x end
t.a.b.c = t[1][a]
local s = a > 1.0 and a <= 3 and 5 >= a
do local q <const> = 10; print(q + 1) end
goto done
::done::
return f(1, 2)
