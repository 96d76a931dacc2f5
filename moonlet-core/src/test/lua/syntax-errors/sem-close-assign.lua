local x <close> = nil
x = io.open()
