x = 1p4
