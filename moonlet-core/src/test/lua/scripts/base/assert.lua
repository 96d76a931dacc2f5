-- assert returns all its arguments, or raises its message (any value) untouched.
print(assert(1, 2, 3))
print(assert(true))
print(select("#", assert("x", nil, nil)))
print(pcall(assert, false))
print(pcall(assert, nil))
print(pcall(assert, false, "custom message"))
print(pcall(assert, nil, 42))
local t = {}
local ok, e = pcall(assert, false, t)
print(ok, e == t)
print(pcall(assert))
print(pcall(assert, false, nil))
print(pcall(function() assert(1 == 2, "no position added") end))
