-- Table keys: nil and NaN are invalid, floats with integer values are normalised.
local t = {}
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(t[nil], t[0/0], rawget(t, nil))
t[1.0] = "one"  t[-0.0] = "zero"  t[2^63] = "big"  t[0.5] = "half"
print(t[1], t[0], t[0.0], t[2^63], t[0.5], t[1/2])
t[true] = "yes"  t[false] = "no"
print(t[true], t[false])
local k1, k2 = {}, {}
t[k1] = "k1"  t[k2] = "k2"
print(t[k1], t[k2], t[{}])
t["10"] = "str"  t[10] = "int"
print(t["10"], t[10], t[10.0])
local f = function() end
t[f] = "fn"
print(t[f])
t[1] = nil
print(t[1], t[1.0])
print(pcall(function() local x = {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
