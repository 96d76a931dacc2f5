-- An __concat that concatenates its operands again.
-- Moonlet lets metamethods nest as deep as the Lua stack (no C stack: see ExecutorTest
-- deepMetamethodAndSequenceChainsRunOnASmallStack); lua5.4 stops at 200 C levels.
-- expect: error meta-concat-recursion.lua:6: stack overflow
-- lua5.4: error meta-concat-recursion.lua:6: C stack overflow
local mt = {__concat = function(a, b) return a .. b end}
return setmetatable({}, mt) .. "x"
