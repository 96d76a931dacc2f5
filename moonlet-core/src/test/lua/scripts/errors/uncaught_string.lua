-- An uncaught error ends the script; its message is checked against NAME.err.
print("before")
local function fail() error("something went wrong") end
fail()
print("never")
