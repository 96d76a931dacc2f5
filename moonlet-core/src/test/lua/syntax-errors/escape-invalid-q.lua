x = "abc\qdef"
