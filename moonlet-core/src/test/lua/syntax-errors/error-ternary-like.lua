x = a and b or
