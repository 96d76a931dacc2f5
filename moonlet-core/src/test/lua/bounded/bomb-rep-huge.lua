-- One string.rep asking for a gigabyte: refused up front.
-- expect: error not enough memory
return string.rep("x", 1000000000)
