-- os.time: tables with out-of-range fields are normalised (and written back), errors.
-- Times themselves depend on the time zone, so only differences and fields are printed.
local function fields(t)
  return string.format("%d-%02d-%02d %02d:%02d:%02d yday=%d wday=%d", t.year, t.month, t.day,
    t.hour, t.min, t.sec, t.yday, t.wday)
end
local base = os.time({year = 2020, month = 1, day = 15})
print(math.type(base), math.type(os.time()))
print(os.time({year = 2020, month = 1, day = 16}) - base)
print(os.time({year = 2020, month = 1, day = 15, hour = 13, min = 1, sec = 1}) - base)
print(os.time({year = 2020, month = 1, day = 15, hour = 12}) == base)     -- hour defaults to 12

local t = {year = 2021, month = 14, day = -3, hour = 30, min = -70, sec = 3601}
os.time(t)
print(fields(t))
t = {year = 2020, month = 1, day = 31 + 29 + 1}
os.time(t)
print(fields(t))
t = {year = 2019, month = 0, day = 0, hour = 0}
os.time(t)
print(fields(t))
t = {year = "2000", month = "1", day = 1.0, min = "0x10"}
os.time(t)
print(fields(t))
t = {year = 1, month = 1, day = 1, hour = 12}
os.time(t)
print(fields(t))
t = {year = -1000, month = 1, day = 1, hour = 12}
os.time(t)
print(fields(t))

print(os.difftime(10, 5), os.difftime(5, 10), os.difftime(0, 0), math.type(os.difftime(1, 0)))

local function try(...)
  print(pcall(...))
end
try(os.time, {year = 2000, month = 1})
try(os.time, {year = 2000, day = 1})
try(os.time, {month = 1, day = 1})
try(os.time, {year = 2000, month = 1, day = 1.5})
try(os.time, {year = 2000, month = 1, day = "x"})
try(os.time, {year = 2000, month = 1, day = 1, hour = {}})
try(os.time, {year = 2000, month = 1, day = 1, hour = 2^31 + 1})
try(os.time, {year = 2000, month = 1, day = 1, min = -2^31 - 1})
try(os.time, {year = 2147483648 + 1900, month = 1, day = 1})
try(os.time, {year = -2147483649 + 1900, month = 1, day = 1})
try(os.time, {year = 2147483647 + 1900, month = 12, day = 32})
try(os.time, 5)
try(os.difftime, 1)
try(os.difftime, 1.5, 1)
try(function () return os.time({year = 2000}) end)

-- fields are read with __index and written back with __newindex
local written = {}
local proxy = setmetatable({}, {
  __index = {year = 2020, month = 1, day = 16, hour = 12},
  __newindex = function (_, k, v) written[#written + 1] = k .. "=" .. tostring(v) end,
})
print(os.time(proxy) - base, table.concat(written, " "))
