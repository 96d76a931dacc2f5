-- Equal string literals of one chunk are one object, long ones (over 40 bytes) too, in every
-- function of the chunk: Lua's scanner anchors each string of a chunk in one table. A string
-- built at run time, or read by another chunk, is another object.
local function address(s) return string.format("%p", s) end

local long = "0123456789012345678901234567890123456789 and more than forty bytes"
local function inner()
  return "0123456789012345678901234567890123456789 and more than forty bytes"
end
local function nested()
  return function()
    return "0123456789012345678901234567890123456789 and more than forty bytes"
  end
end
print(address(long) == address(inner()), address(long) == address(nested()()))

local short = "short"
local function innerShort() return "short" end
print(address(short) == address(innerShort()))

local built = "0123456789012345678901234567890123456789" .. " and more than forty bytes"
print(built == long, address(built) == address(long))

local other = load('return "0123456789012345678901234567890123456789 and more than forty bytes"')()
print(other == long, address(other) == address(long))
