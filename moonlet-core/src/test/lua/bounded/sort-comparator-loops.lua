-- A sort comparator that never returns.
-- expect: budget
table.sort({3, 2, 1}, function() while true do end end)
