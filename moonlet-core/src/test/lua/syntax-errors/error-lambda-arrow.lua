f = (x) => x
