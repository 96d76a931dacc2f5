-- Prints the arg table from its first negative index, and the script's varargs.
local i = 0
while arg[i - 1] do i = i - 1 end
while arg[i] do
  print(i, arg[i])
  i = i + 1
end
print("...", select('#', ...), ...)
