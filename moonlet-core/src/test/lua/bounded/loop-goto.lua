-- A goto loop.
-- expect: budget
::top::
goto top
