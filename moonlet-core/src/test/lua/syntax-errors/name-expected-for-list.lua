for k, 2 in pairs(t) do end
