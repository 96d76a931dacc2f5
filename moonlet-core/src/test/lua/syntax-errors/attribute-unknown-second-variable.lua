local a <const>, b <closed> = 1, 2
