while true do
  ::top::
  local x = 1
  ::top::
end
