x = "\u{7FFFFFFF0}"
