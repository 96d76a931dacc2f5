x = 1 "tab\there"
