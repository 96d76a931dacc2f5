x = "ab\0cd
