print("init file", arg and #arg)
