x = [[
abc
def
