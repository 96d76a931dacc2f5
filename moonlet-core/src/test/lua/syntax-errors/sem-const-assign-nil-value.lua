local n <const> = nil
n = 1
