local f = function()
  goto x
end


local y = 1
