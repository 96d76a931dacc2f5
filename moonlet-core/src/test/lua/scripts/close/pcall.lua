-- <close> with pcall: closing happens before pcall returns; nested scopes close inner first.
local order = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, e) order[#order + 1] = name .. ":" .. tostring(e) end})
end
local ok, e = pcall(function()
  local outer <close> = closer("outer")
  do
    local inner <close> = closer("inner")
    local ok2 = pcall(function()
      local innermost <close> = closer("innermost")
      error("deep", 0)
    end)
    order[#order + 1] = "after inner pcall " .. tostring(ok2)
  end
  error("shallow", 0)
end)
print(ok, e)
for i, v in ipairs(order) do print(i, v) end
local function gen()
  local c <close> = closer("generic for")
  return function(_, i) if i < 3 then return i + 1 end end, nil, 0, closer("loop closing value")
end
order = {}
for i in gen() do if i == 2 then break end end
for i, v in ipairs(order) do print(i, v) end
order = {}
for i in function(_, i) if i < 2 then return i + 1 end end, nil, 0, closer("exhausted") do end
print(order[1])
order = {}
print(pcall(function()
  for i in function() error("iter fail", 0) end, nil, nil, closer("iter error") do end
end))
print(order[1])
