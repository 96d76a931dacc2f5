-- Line hooks over conditions that span lines: the test of an 'if' or 'while' belongs to the
-- line of 'then' or 'do', where the condition ends (lcode.c codes it there).
local function trace(src)
  local lines = {}
  local f = load(src, "=src")
  debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
  f()
  debug.sethook()
  print(table.concat(lines, ","))
end
trace("if\nmath.sin(1)\nthen\n  a=1\nelse\n  a=2\nend\n")
trace("while math.sin(1) do\n  if math.sin(1)\n  then break\n  end\nend\na=1")
