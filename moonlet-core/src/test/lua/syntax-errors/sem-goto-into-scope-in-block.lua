do
  goto x
  local a
  ::x::
  print(a)
end
