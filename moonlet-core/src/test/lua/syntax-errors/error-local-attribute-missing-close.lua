local x <
