for k in pairs(t) print(k) end
