-- load of 100,000 nested parentheses: the parser's depth limit refuses it.
-- expect: error load-deep-nesting.lua:3: C stack overflow
assert(load("return " .. string.rep("(", 100000) .. "1" .. string.rep(")", 100000)))
