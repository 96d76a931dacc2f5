-- The main chunk is a vararg function; here it receives no arguments.
print(select("#", ...))
local a = ...
print(a)
local function f(...) local t = {...} return #t end
print(f(...), f(1, ...), f(..., 1))
print(load("return select('#', ...)")(1, 2, 3))
print(load("local a, b = ... return b, a")(1, 2))
