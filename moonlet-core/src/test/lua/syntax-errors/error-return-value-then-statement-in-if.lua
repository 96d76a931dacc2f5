if x then return 1 y = 2 end
