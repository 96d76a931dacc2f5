local f = function ("x") end
