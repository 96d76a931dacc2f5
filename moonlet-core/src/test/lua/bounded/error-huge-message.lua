-- An uncaught error whose message is 4 MB (its first line is short).
-- expect: error boom
error("boom\n" .. string.rep("x", 1 << 22), 0)
