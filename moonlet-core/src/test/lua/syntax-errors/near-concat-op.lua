x = y
..
