if x != y then end
