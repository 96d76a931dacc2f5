x = "\x5z"
