local a <const>, b = 1, 2
a = 5
