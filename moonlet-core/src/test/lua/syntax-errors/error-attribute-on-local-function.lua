local function f <const> () end
