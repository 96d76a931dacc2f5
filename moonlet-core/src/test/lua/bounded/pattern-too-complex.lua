-- Three hundred optional items: the matcher's depth limit stops it.
-- expect: error pattern-too-complex.lua:3: pattern too complex
return string.find(string.rep("a", 300), string.rep("a?", 300) .. string.rep("a", 300))
