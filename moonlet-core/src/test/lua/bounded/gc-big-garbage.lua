-- Strings of 8 MB made and dropped twenty times: 160 MB in all, 32 MiB at a time.
-- expect: finished
for i = 1, 20 do local s = string.rep("x", 8 << 20); assert(#s == 8 << 20) end
