-- An __index function that indexes its own table: Lua recursion through metamethods.
-- Moonlet lets metamethods nest as deep as the Lua stack (no C stack: see ExecutorTest
-- deepMetamethodAndSequenceChainsRunOnASmallStack); lua5.4 stops at 200 C levels.
-- expect: error meta-index-function-cycle.lua:6: stack overflow
-- lua5.4: error meta-index-function-cycle.lua:6: C stack overflow
local t = setmetatable({}, {__index = function(t, k) return t[k] end})
return t.x
