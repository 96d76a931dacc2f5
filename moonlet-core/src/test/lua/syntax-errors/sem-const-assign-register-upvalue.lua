local x <const> = {}
local function f()
  x = 1
end
