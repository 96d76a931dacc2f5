-- os.getenv, os.clock, os.setlocale, os.execute, os.tmpname, os.remove, os.rename.
print(os.getenv("MOONLET_SURELY_UNSET_VARIABLE"), type(os.getenv("PATH")))
print(math.type(os.clock()), os.clock() >= 0)
print(os.setlocale(), os.setlocale("C"), os.setlocale(nil, "numeric"), os.setlocale("C", "time"))
print(os.setlocale("xx_YY.nowhere"))
print(pcall(os.setlocale, "C", "nothing"))
print(pcall(os.getenv))

local name = os.tmpname()
print(type(name))
local other = name .. ".renamed"
local function hide(ok, msg, code)
  return ok, msg and (msg:gsub((other:gsub("%p", "%%%0")), "NAME")), code
end
print(os.rename(name, other))
print(os.remove(other))
print(hide(os.remove(other)))
print(hide(os.rename(other, name)))
print(os.remove("/nonexistent-dir/file"))
print(os.rename("/nonexistent-dir/file", "/nonexistent-dir/other"))
print(pcall(os.remove))
print(pcall(os.rename, "a"))
