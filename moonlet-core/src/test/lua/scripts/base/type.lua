-- type names every basic type; it needs an argument.
print(type(nil), type(true), type(1), type(1.5), type("x"), type({}), type(print), type(type))
print(type(function() end), type(coroutine.create(function() end)))
print(pcall(type))
print(type(type(nil)), type(setmetatable({}, {__name = "X"})))
