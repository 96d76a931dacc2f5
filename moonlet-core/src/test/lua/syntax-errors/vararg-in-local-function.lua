local function f(a, b)
  local t = {...}
end
