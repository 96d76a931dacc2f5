-- Run on every playground instance before any visitor code: the functions the consoles need,
-- made from the standard library as it is now, before a script can replace any of it.
-- The argument is the host's write(console, text), which sends text to a console of the page.
local write = ...
local tostring, select, concat, unpack = tostring, select, table.concat, table.unpack

-- Each argument converted by tostring, and how many there are.
local function strings(...)
  local n = select("#", ...)
  local t = {...}
  for i = 1, n do t[i] = tostring(t[i]) end
  return t, n
end

-- A print that writes to one console of the page.
local function printer(console)
  return function(...)
    local t, n = strings(...)
    write(console, concat(t, "\t", 1, n) .. "\n")
  end
end

return {
  -- The text the REPL shows for a chunk's results.
  format = function(...)
    local t, n = strings(...)
    return unpack(t, 1, n)
  end,
  print_left = printer("left"),
  print_right = printer("right"),
}
