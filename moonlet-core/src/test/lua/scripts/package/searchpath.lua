-- package.searchpath: the name put in the templates, separators, and the list of files tried.
local name = os.tmpname()
local dir, leaf = name:match("^(.*)/([^/]*)$")
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "string" then v = v:gsub(dir:gsub("%p", "%%%0"), "DIR") end
    t[i] = tostring(v)
  end
  print(table.concat(t, " | "))
end
show(package.searchpath(leaf, dir .. "/?") == name)
show(package.searchpath(leaf, "nowhere/?.lua;" .. dir .. "/?;more") == name)
show(package.searchpath("a.b.c", "x/?.lua;;?/y;"))
show(package.searchpath("a.b", "?", "", ""))
show(package.searchpath("a.b", "?", ".", "_"))
show(package.searchpath("a.b", "?", "ab", "X"))
show(package.searchpath("a.b", "?;?", "."))
show(package.searchpath("a", ""))
show(package.searchpath("a", ";"))
show(package.searchpath("a\0b", "?.lua"))
show(package.searchpath("x", "??-?"))
show(pcall(package.searchpath, "x"))
show(pcall(package.searchpath, "x", {}))
show(pcall(package.searchpath, "x", "?", {}))
local long = string.rep("nowhere/?;", 2000)
local r, msg = package.searchpath("x", long)
show(r, #msg, select(2, msg:gsub("\n", "")))
os.remove(name)
