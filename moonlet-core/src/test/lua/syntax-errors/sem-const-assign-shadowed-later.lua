local x <const> = 1
do
  local y = 2
  x = y
end
