f[[
abc
]] ]]
