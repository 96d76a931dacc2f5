-- The length of a table is a border; sequences have exactly one.
local t = {}
print(#t)
for i = 1, 100 do t[i] = i end
print(#t)
t[101] = nil
print(#t)
for i = 100, 51, -1 do t[i] = nil end
print(#t)
local s = {1, 2, 3, nil}
print(#s)
local u = {n = 1, 10, 20, 30}
print(#u)
u[#u + 1] = 40
print(#u, u[4])
local h = {}
h[1] = 1 h[2] = 2 h[3] = 3
print(#h)
local big = {}
for i = 1, 1000 do big[#big + 1] = i end
print(#big, big[1000])
for i = 1000, 1, -1 do big[i] = nil end
print(#big, next(big))
print(#{nil}, #{nil, nil}, #{1, nil, 3} == 3 or #{1, nil, 3} == 1)
print(#"abc", #"", #"\0\0")
