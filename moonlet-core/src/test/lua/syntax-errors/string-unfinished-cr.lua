x = "abc y"
