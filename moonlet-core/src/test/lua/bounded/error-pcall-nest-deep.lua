-- pcall nested 180 deep (under the C-stack limit), erroring at the bottom, 1,000 times.
-- expect: finished
local function nest(n) if n == 0 then error("bottom") end return pcall(nest, n - 1) end
for i = 1, 1000 do assert(select("#", nest(180)) == 181) end
