-- __gc finalizers run after a full collection; weak tables lose unreachable entries.
local log = {}
do
  local obj = setmetatable({}, {__gc = function(o) log[#log + 1] = "finalized" end})
  obj = nil
end
collectgarbage()
collectgarbage()
print(#log, log[1])
local weak = setmetatable({}, {__mode = "k"})
do
  local key = {}
  weak[key] = "value"
  weak[1] = "kept"
end
collectgarbage()
local n = 0
for k, v in pairs(weak) do n = n + 1 end
print(n, weak[1])
local weakv = setmetatable({}, {__mode = "v"})
weakv[1] = {}
weakv[2] = "strings are values, not collected"
local keep = {}
weakv[3] = keep
collectgarbage()
print(weakv[1], weakv[2], weakv[3] == keep)
