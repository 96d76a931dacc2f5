local function f()
  if x then
  end
