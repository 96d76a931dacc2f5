-- string.dump and load of binary chunks: round trips, stripping, modes, damaged chunks.

local function maker(a)
  local b = 3
  return function(x, ...)
    local t = {x, ...}
    return a + b + x, "s\0tr", 1.5, nil, true, #t, 2^63, math.mininteger
  end
end

-- A closure's upvalues are not saved: the first becomes the environment, the others nil.
local f = load(string.dump(maker(10)), "dumped", "b")
print(pcall(f, 1))

-- A whole function tree round-trips, with and without debug information.
for _, strip in ipairs{false, true} do
  local m = load(string.dump(maker, strip))
  print(strip, m(1)(2, "a", "b"))
end

-- Line information survives unless stripped.
local function boom() error("boom") end
print(pcall(load(string.dump(boom))))
print(pcall(load(string.dump(boom, true))))

-- A main chunk keeps its upvalue _ENV.
local chunk = load("y = (y or 0) + 1; return y")
local copy = load(string.dump(chunk), "copy", "b", {})
print(copy(), copy())

-- Modes.
print(load(string.dump(boom), "x", "t"))
print(load("return 1", "x", "b"))

-- Builtins cannot be dumped.
print(pcall(string.dump, print))
print(pcall(string.dump))

-- Every truncation of a chunk fails to load, with a message rather than a crash.
local d = string.dump(maker)
local failures = 0
for i = 1, #d - 1 do
  local ok, msg = load(string.sub(d, 1, i))
  if not ok and string.find(msg, "truncated", 1, true) then failures = failures + 1 end
end
print(failures == #d - 1)

-- A damaged header fails too.
for i = 1, 12 do
  local s = string.sub(d, 1, i - 1) .. string.char((string.byte(d, i) + 1) % 256) .. string.sub(d, i + 1)
  assert(not load(s))
end
print(load("\27Lua junk"))
