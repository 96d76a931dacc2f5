-- Lines of the code Lua generates once it has read a token that closes a construct: the 'do'
-- of a for loop, the '}' of a table, the ')' of a call or of parentheses. Line hooks and
-- error messages show them.
local function trace(src)
  local lines = {}
  local f = load(src, "=src")
  debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
  f()
  debug.sethook()
  print(table.concat(lines, ","))
end

local function fails(src)
  print(select(2, pcall(load(src, "=src"))))
end

fails("for i =\n nil,\n 10\n do\n end")
fails("for i = 1,\n 10,\n 0\n do\n end")
fails("for k, v in\n nil\n do\n end")
fails("local t = {\n  1,\n  2,\n}\nlocal u = t[\n  1\n] ..\n  t.x")
fails("local s = string.rep(\n  'x',\n  2\n)\nlocal n = s:\n  len\n  (\n  ) +\n  {}")

trace("local t = {\n  1,\n  2,\n}\nT = (\n  t\n)\n")
trace("local u = string.rep(\n  'x',\n  2\n)\nU = u")
trace("for i =\n  1,\n  2\ndo\nend")
trace("local function v(a,\n  ...)\n  local b =\n    ...\n  return\n  {\n  ...\n  }\nend\nV = v(1, 2)")
