local function f() return 1, 2, 3 end
local t = {1, 2, 3; x = 1, ["y"] = 2, [10] = 3, [f] = 4, f(), f()}
local u = {f()}
local v = {(f())}
local w = {}
w.a = {b = {c = 1}}
w.a.b.c = w.a.b.c + 1
w[#w + 1] = "last"
local s = {
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
  "a", "b", "c", "d", "e", f()
}
return t, u, v, w, s
