-- A gsub replacement function that never returns.
-- expect: budget
return ("abc"):gsub(".", function() while true do end end)
