local a, b, c = 1
local t = {}
a, b = b, a
t[a], a = 1, 2
t.x, t = 3, nil
local i = 1
i, t[i] = i+1, 20
x, y, z = f()
x, y = ...
local p, q = ..., 1
local r = {...}
local s = {f(), g()}
local u = {f(), (g())}
t[1], t[2], t[300], t[-1], t[1.5], t["x"], t[true] = 1, 2, 3, 4, 5, 6, 7
print(#t, -t, ~t, not t)
return ...
