-- string.rep with a separator, 100 million pieces.
-- expect: error not enough memory
return string.rep("x", 100000000, ",")
