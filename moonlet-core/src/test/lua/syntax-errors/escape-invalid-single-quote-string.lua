x = 'a\"b\e'
