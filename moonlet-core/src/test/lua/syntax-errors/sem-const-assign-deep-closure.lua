local xx;
local xxx <const> = 20;
local yyy;
local function foo ()
  local abc = xx + yyy + xxx;
  return function () return function () xxx = yyy end end
end
