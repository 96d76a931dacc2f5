-- An infinite loop under pcall: pcall catches errors, not the budget.
-- expect: budget
pcall(function() while true do end end)
