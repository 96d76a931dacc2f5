-- A __newindex function that assigns to its own table again.
-- Moonlet lets metamethods nest as deep as the Lua stack (no C stack: see ExecutorTest
-- deepMetamethodAndSequenceChainsRunOnASmallStack); lua5.4 stops at 200 C levels.
-- expect: error meta-newindex-function-cycle.lua:6: stack overflow
-- lua5.4: error meta-newindex-function-cycle.lua:6: C stack overflow
local t = setmetatable({}, {__newindex = function(t, k, v) t[k] = v end})
t.x = 1
