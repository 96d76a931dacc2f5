-- A table constructor sized from a huge table.unpack: Lua refuses the unpack.
-- expect: error bomb-table-constructor.lua:3: too many results to unpack
return {table.unpack({}, 1, 100000000)}
