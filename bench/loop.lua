-- A 10^8-iteration integer for loop: arithmetic and the loop instruction, no calls.
local s = 0
for i = 1, 100000000 do s = s + i end
print(s)
