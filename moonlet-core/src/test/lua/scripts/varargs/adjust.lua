-- Multiple results are kept only in the last position of a list.
local function three() return 1, 2, 3 end
local function none() end
print(three(), three())
print(three(), 10)
print((three()))
print(none(), 1, none())
print(select("#", none()), select("#", (none())))
local t = {three(), three(), none()}
print(#t, t[4])
local a, b, c, d, e = three(), three()
print(a, b, c, d, e)
local function ret() return three(), "end" end
print(ret())
local function retAll() return "start", three() end
print(retAll())
print(#{none(), none()}, #{three(), nil}, select("#", (three())))
local s = 0
for i, v in ipairs({three(), three()}) do s = s + v end
print(s)
print(tostring(three()))
print(type(none, 1))
local u = {}
u.x, u.y, u.z = three()
print(u.x, u.y, u.z)
u.x, u.y = none()
print(u.x, u.y)
