local function f() ::l:: end
goto l
