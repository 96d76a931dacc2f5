-- Raising and catching an error forever.
-- expect: budget
while true do pcall(error, {}) end
