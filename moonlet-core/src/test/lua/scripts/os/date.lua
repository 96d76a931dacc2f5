-- os.date in UTC ("!"): every conversion, "*t", and errors. (Local times depend on the
-- machine's time zone, so only UTC is printed.)
local all = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
local modified = "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy"
for _, t in ipairs({0, 951782400, 1700000000, -1, -62135596800, 253402300799, 1230681600, 1104537600, 1e9}) do
  print(t, os.date("!" .. all, t))
  print(t, os.date("!" .. modified, t))
end
print(os.date("!", 0) == "", os.date("!plain text", 0), os.date("!%Y", "86400000"))
print(os.date("!%c", 2^31), os.date("!%c", -2^31))

local function fields(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  for i, k in ipairs(keys) do keys[i] = k .. "=" .. tostring(t[k]) end
  return table.concat(keys, " ")
end
print(fields(os.date("!*t", 0)))
print(fields(os.date("!*t", 1700000000)))
print(fields(os.date("!*t", -62135596800)))
print(type(os.date()), type(os.date("*t")), type(os.date("*t").isdst))
local now = os.time()
local lt = os.date("*t", now)
print(os.time(lt) == now)

local function try(...)
  print(pcall(...))
end
try(os.date, "%Ez")
try(os.date, "%Ez abc")
try(os.date, "%")
try(os.date, "abc %E")
try(os.date, "%5d")
try(os.date, "%Q")
try(os.date, "%Y", 1.5)
try(os.date, "%Y", "x")
try(os.date, {})
try(os.date, "!%Y", 1 << 60)
try(function () return os.date("!%Y", 1 << 60) end)
