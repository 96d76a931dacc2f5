do
  local f <close> = nil
  local function g() f = nil end
end
