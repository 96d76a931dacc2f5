local t = {}
local up = nil
local k <const> = "key"
local function f()
  return up.x, undefinedglobal.y, t.a.b, t:method(), up[k], k.z
end
local _ENV = {print = print}
print(x)
return f
