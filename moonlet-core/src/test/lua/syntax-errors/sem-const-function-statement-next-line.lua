local f <const> = print
function f()
end
print(1)
