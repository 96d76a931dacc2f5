-- Proper tail calls: a million deep without growing the stack.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))
local a, b
function a(n) if n == 0 then return "done a" end return b(n - 1) end
function b(n) if n == 0 then return "done b" end return a(n - 1) end
print(a(1000001))
local function multi(n, ...) if n == 0 then return ... end return multi(n - 1, ...) end
print(multi(100000, 1, 2, 3))
local obj = {}
function obj:count(n) if n == 0 then return self end return self:count(n - 1) end
print(obj:count(1000000) == obj)
local callable = setmetatable({}, {__call = function(self, n) if n == 0 then return "called" end return self(n - 1) end})
print(callable(100000))
local function viaPcall(n) if n == 0 then return "p" end return pcall(viaPcall, n - 1) end
print(viaPcall(10))
local function viaSelect(n) if n == 0 then return "s" end return select(1, viaSelect(n - 1)) end
print(viaSelect(1000))
