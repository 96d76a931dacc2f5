-- One million coroutine round trips (resume, then the yield that answers it).
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
for i = 1, 1000000 do co() end
local resume = coroutine.resume
local echo = coroutine.create(function(x) while true do x = coroutine.yield(x) end end)
local sum = 0
for i = 1, 1000000 do local _, v = resume(echo, i) sum = sum + v end
print(sum)
