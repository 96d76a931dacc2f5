local end = 2
