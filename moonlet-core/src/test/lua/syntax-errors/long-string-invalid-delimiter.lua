x = [=abc]=]
