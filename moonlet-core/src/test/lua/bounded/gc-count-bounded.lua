-- collectgarbage("count") stays small while garbage churns.
-- expect: finished
for i = 1, 200000 do local t = {i} end
collectgarbage()
assert(collectgarbage("count") < 16 * 1024)
