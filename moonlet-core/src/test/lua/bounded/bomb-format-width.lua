-- A huge width in string.format: Lua refuses it.
-- expect: error bomb-format-width.lua:3: invalid conversion specification: '%99999d'
return string.format("%99999d", 1)
