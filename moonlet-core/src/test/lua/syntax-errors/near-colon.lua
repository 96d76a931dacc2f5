x = a : b
