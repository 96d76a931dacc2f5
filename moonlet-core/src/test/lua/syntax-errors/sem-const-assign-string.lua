local s <const> = "hello"
s = s .. "!"
