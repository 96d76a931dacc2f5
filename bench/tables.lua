-- Table work: appends, field reads and writes, and a hash of string keys.
local t = {}
for i = 1, 3000000 do t[#t + 1] = i end
local points = {}
for i = 1, 1000000 do points[i] = {x = i, y = -i} end
local sum = 0
for i = 1, #points do local p = points[i] p.x = p.x + p.y sum = sum + p.x end
local words = {}
for i = 1, 200000 do words["k" .. (i % 5000)] = (words["k" .. (i % 5000)] or 0) + 1 end
print(#t, sum, words.k42)
