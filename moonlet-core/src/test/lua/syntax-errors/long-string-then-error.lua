x = [[
line
line]] y
