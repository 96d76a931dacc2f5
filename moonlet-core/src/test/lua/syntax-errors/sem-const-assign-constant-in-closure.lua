local x <const> = 10
return function () x = 1 end
