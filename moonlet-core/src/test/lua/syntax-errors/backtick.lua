x = `cmd`
