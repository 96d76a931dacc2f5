-- Callbacks of the string library may yield: gsub's replacement functions and __index
-- handlers, __tostring under %s, and the bodies of gmatch loops. This is a Moonlet
-- extension: lua5.4 stops at the first yield ("attempt to yield across a C-call boundary"),
-- so yield.out is written by hand rather than recorded.
local co = coroutine.wrap(function()
  local r, n = string.gsub("a b c", "%a", function(c)
    local got = coroutine.yield(c)
    return got
  end)
  print("gsub", r, n)
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield("index " .. k) end})
  print("gsub table", string.gsub("x y", "%a", t))
  local v = setmetatable({}, {__tostring = function() return coroutine.yield("tostring") end})
  print("format", string.format("<%s|%5s>", v, v))
  for w in string.gmatch("one two", "%a+") do
    coroutine.yield("gmatch " .. w)
  end
  return "done"
end)
local x = co()
while x ~= "done" do
  print("yielded", x)
  x = co(type(x) == "string" and x:upper() or x)
end
print(x)

-- a gmatch iterator made in one coroutine runs in another
local f = string.gmatch("1 2 3 4 5", "%d+")
print(f())
print(coroutine.wrap(f)())
print(f())
