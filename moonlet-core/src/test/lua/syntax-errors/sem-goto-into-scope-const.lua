goto l
local k <const> = {}
::l:: print(k)
