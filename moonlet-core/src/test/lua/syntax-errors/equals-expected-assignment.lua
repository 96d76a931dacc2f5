a, b 1
