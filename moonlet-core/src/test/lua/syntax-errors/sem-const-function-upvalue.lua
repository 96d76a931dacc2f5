local m <const> = nil
local function outer()
  function m() end
end
