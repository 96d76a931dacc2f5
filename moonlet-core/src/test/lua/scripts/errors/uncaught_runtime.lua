-- An uncaught runtime error with variable information.
local t = {}
print(t.missing.field)
