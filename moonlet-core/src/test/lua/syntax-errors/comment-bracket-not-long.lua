--[= not long
x = +
