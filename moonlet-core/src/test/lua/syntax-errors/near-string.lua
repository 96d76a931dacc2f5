local t = {}
t = 1 "a"
