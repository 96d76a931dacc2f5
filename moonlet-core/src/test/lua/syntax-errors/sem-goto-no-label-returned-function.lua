return function()
  goto x
end

