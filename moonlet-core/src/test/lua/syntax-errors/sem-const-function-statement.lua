local f <const> = print
function f() end
