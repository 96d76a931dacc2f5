-- load of a generated 4 MB chunk of 200,000 statements, then running it.
-- expect: finished
local parts = {"local x = 0"}
for i = 1, 200000 do parts[#parts + 1] = "x = x + " .. i end
parts[#parts + 1] = "return x"
local f = assert(load(table.concat(parts, "\n")))
assert(f() == 200000 * 200001 // 2)
