-- require: loading Lua modules from package.path, what it returns and stores, errors.
local base = os.tmpname() .. "_"
local files = {}
local function write(name, text)
  local f = assert(io.open(base .. name, "w"))
  f:write(text)
  f:close()
  files[#files + 1] = base .. name
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "string" then v = v:gsub(base:gsub("%p", "%%%0"), "BASE/") end
    t[i] = tostring(v)
  end
  print(table.concat(t, " | "))
end

write("mod.lua", "local name, file = ... return {name = name, file = file}")
write("bad.lua", "local x = = 1")
write("err.lua", "error('boom')")
write("errt.lua", "error({code = 1})")
write("nil.lua", "counter = (counter or 0) + 1")
write("false.lua", "return false")
write("self.lua", "package.loaded[...] = 'set by the module'")
write("self2.lua", "package.loaded[...] = 'set by the module' return 'returned'")
write("dotted_name.lua", "return ...")
package.path = base .. "?.lua"
package.cpath = ""

print("-- the loader gets the name and the file; require returns the module and the file")
local m, file = require("mod")
show(m.name, m.file, file, package.loaded.mod == m)
print("-- a second require returns the stored module alone")
show(require("mod") == m, select("#", require("mod")))

print("-- a module returning nothing is stored as true, and loaded once")
show(require("nil"))
show(require("nil"), counter)
show(require("false"), package.loaded["false"])
show(require("self"))
show(require("self2"))

print("-- errors: in compiling, in running")
show(pcall(require, "bad"))
show(pcall(require, "err"))
local ok, e = pcall(require, "errt")
show(ok, type(e), e.code)
show(package.loaded.err, package.loaded.bad)

print("-- not found: every searcher says what it tried")
show(pcall(require, "missing"))
show(pcall(require, "a.b"))
package.path = base .. "?.lua;" .. base .. "?/init.lua;;"
show(pcall(require, "missing"))
package.path = base .. "?.lua"

print("-- dots become directory separators")
local dir, leaf = base:match("^/(.*)/([^/]*)$")
if dir and not dir:find("%.") then
  package.path = "/?.lua"
  local dotted = dir:gsub("/", ".") .. "." .. leaf .. "dotted_name"
  local r1, r2 = require(dotted)
  show(r1 == dotted, r2 == "/" .. dir .. "/" .. leaf .. "dotted_name.lua")
  package.path = base .. "?.lua"
else
  show(true, true)
end

print("-- package.path must be a string (numbers are converted)")
package.path = 42
show(pcall(require, "zz"))
package.path = {}
show(pcall(require, "zz"))
package.path = base .. "?.lua"
package.cpath = nil
show(pcall(require, "zz"))
package.cpath = ""

print("-- bad arguments")
show(pcall(require))
show(pcall(require, {}))

print("-- require uses the package table it was opened with")
local p = package
package = nil
show(require("mod") == m, p.loaded.package == p)
package = p
for _, f in ipairs(files) do os.remove(f) end
