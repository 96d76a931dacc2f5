-- An uncaught error without position.
error("plain message", 0)
