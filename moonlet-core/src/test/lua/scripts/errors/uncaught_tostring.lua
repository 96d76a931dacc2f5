-- An uncaught error value with __tostring is reported through it.
error(setmetatable({}, {__tostring = function() return "custom error object" end}))
