x = then
