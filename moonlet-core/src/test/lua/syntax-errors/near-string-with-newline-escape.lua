x = 1 "line1\nline2"
