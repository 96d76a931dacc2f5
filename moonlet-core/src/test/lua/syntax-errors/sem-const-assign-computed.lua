local t <const> = os.time()
t = 0
