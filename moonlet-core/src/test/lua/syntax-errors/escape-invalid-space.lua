x = "a\ b"
