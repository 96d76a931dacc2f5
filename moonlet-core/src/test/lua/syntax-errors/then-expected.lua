if x print(x) end
