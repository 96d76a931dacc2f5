x = "abc\999def"
