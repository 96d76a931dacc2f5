-- One concatenation of 40 operands of 512 KB: 20 MB built by a single instruction.
-- expect: finished
local a = string.rep("x", 512 * 1024)
for i = 1, 3 do
  local s = a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a
          ..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a..a
  assert(#s == 40 * 512 * 1024)
end
