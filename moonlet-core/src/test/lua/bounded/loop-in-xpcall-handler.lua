-- An infinite loop in a message handler.
-- expect: budget
xpcall(error, function() while true do end end, "x")
