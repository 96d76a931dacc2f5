-- string.dump of a big function and load of the dump.
-- expect: finished
local parts = {"local x = 0"}
for i = 1, 20000 do parts[#parts + 1] = "x = x + 1" end
parts[#parts + 1] = "return x"
local f = assert(load(table.concat(parts, "\n")))
local g = assert(load(string.dump(f), "dump", "b"))
assert(g() == 20000)
