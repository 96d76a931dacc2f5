-- Error values travel unchanged through pcall layers and rethrows.
local t = {code = 404}
local ok, e = pcall(function() local ok2, e2 = pcall(error, t) error(e2) end)
print(ok, e == t, e.code)
ok, e = pcall(function() error(setmetatable({}, {__index = function() return "meta" end})) end)
print(ok, e.anything)
print(pcall(error, "a", 0), pcall(error, 1.5, 0), pcall(error, false))
print(select("#", pcall(error)))
print(pcall(function() error("with level 2", 2) end))
local function rethrow() local ok, err = pcall(error, "original") error(err, 0) end
print(pcall(rethrow))
local function positioned() local ok, err = pcall(function() error("inner") end) error(err) end
print(pcall(positioned))
ok, e = pcall(function() error(coroutine.create(print)) end)
print(ok, type(e))
ok, e = pcall(function() error(print) end)
print(ok, e == print)
ok, e = pcall(function() local x = 1 + {} end)
print(ok, e)
print(pcall(function() return nil .. "" end))
print(pcall(function() local a = "x" .. {} end))
