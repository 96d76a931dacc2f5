-- One format with 100,000 %s conversions of a 100-byte string.
-- expect: finished
local s = string.rep("y", 100)
local args = {}
for i = 1, 100000 do args[i] = s end
local out = string.format(string.rep("%s", 100000), table.unpack(args))
assert(#out == 10000000)
