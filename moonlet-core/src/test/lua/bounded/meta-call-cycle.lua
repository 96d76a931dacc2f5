-- A __call field that is a table whose own __call is itself: the chain never ends, so the stack overflows.
-- lua 5.4.4 gets there too, but moves every argument at each link: it overflows only after hours.
-- lua5.4: budget
-- expect: error meta-call-cycle.lua:8: stack overflow
local mt = {}
mt.__call = setmetatable({}, mt)
local o = setmetatable({}, mt)
o()
