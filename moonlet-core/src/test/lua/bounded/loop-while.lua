-- An empty while loop: the step must end when its fuel does.
-- expect: budget
while true do end
