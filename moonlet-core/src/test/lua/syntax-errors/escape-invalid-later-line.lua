x = 1
y = 2
z = "ok"
w = "\9\c"
