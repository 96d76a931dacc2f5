-- load of a generated 1 MB chunk of 60,000 statements, then running it.
-- expect: finished
local parts = {"local x = 0"}
for i = 1, 60000 do parts[#parts + 1] = "x = x + " .. i end
parts[#parts + 1] = "return x"
local f = assert(load(table.concat(parts, "\n")))
assert(f() == 60000 * 60001 // 2)
