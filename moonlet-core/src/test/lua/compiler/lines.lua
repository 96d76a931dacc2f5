-- Instructions coded after a closing token get its line: 'then', 'do', '}', ')', and the
-- token before a '{' or a '...', which Lua codes before reading them.
local function f(a,
    ...)
  local t =
  {
    ...
  }
  return
  ...
end
if
  f(1)
then
  x = 1
elseif
  y
then
  x = 2
end
while
  x
do
  x = x - 1
end
for i =
  1,
  2
do
end
for k, v in
  pairs(t)
do
end
local u = {
  1,
  2,
}
local s = (
  x
)
o
  :m
  (1,
  y.z
  )
x = f(
  {}
)
return x
