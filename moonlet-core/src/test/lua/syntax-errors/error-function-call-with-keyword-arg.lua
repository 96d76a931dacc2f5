f(end)
