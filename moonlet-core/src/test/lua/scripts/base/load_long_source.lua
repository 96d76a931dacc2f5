-- A chunk loaded from a string is named by its source text, which may be longer than the
-- JVM allows a name in a class file: compiled, the chunk still runs (and its errors still
-- name it as Lua does).
local body = "local n = 0 for i = 1, 3000 do n = n + i end return n --" .. string.rep("x", 70000)
print(load(body)())
local failing = "local t = nil for i = 1, 3000 do end return t.x --" .. string.rep("y", 70000)
print(pcall(load(failing)))
