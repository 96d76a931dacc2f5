-- Table constructors: positional items, named fields, multiple results at the end only.
local function three() return 1, 2, 3 end
local a = {three()}
local b = {three(), three()}
local c = {three(), 10}
local d = {(three())}
print(#a, #b, #c, #d)
print(b[1], b[2], b[3], b[4])
local e = {x = 1, ["y"] = 2, [3] = "three", 4, 5}
print(e.x, e.y, e[1], e[2], e[3])
local f = {[1] = "a", "b"}
print(f[1])
local g = {1, 2, 3; 4, n = 5,}
print(#g, g.n)
local function pack(...) return {...} end
local p = pack(1, nil, 3)
print(p[1], p[2], p[3])
local nested = {{1, {2, {3}}}}
print(nested[1][2][2][1])
print(#{...}, select("#", ...))
