-- Strings of 8 MB made and dropped ten times: 80 MB in all, 32 MiB at a time.
-- expect: finished
for i = 1, 10 do local s = string.rep("x", 8 << 20); assert(#s == 8 << 20) end
