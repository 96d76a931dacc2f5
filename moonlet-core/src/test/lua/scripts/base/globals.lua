-- _G, _VERSION and the global environment.
print(_VERSION, _G._G == _G, _G.print == print, _ENV == _G)
x = 10
print(_G.x, rawget(_G, "x"))
_G.y = 20
print(y)
local names = {"assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load",
  "loadfile", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset",
  "select", "setmetatable", "tonumber", "tostring", "type", "xpcall", "warn"}
for _, n in ipairs(names) do
  if type(_G[n]) ~= "function" then print("missing", n) end
end
print(type(coroutine), type(coroutine.create), package and package.loaded._G == _G)
do
  local _ENV = {print = print}
  z = 1
  print(z, _ENV.z)
end
print(z)
local function setglobal(env, v) local _ENV = env; w = v end
local e = {}
setglobal(e, 3)
print(e.w, w)
