-- hand-written: the task library is Moonlet's (lua5.4 has none); the .out was written by hand.
-- The Poline interpreter of examples/poline.lua (the tests run from moonlet-core).
local poline = dofile("../examples/poline.lua")

-- Runs a program until all its threads have ended or wait, printing its lines after a header.
local function run(title, source)
  local lines = {}
  local ok, err = pcall(poline.run, source, "test", function(line) lines[#lines + 1] = line end)
  task.sleep(1)                 -- virtual clock: every other task runs until it blocks
  print("== " .. title, ok and table.concat(lines, " ") or err)
end

run("spawned threads run when main blocks or ends",
  'fn p(x) { print x; } fn main() { spawn p("A") as t; p("B"); }')
run("calls", 'fn p(a) { print a; } fn main() { p("A"); p("B"); }')
run("extra arguments are dropped", 'fn p(a) { print a; } fn main() { p("A", "B"); }')
run("missing arguments are undefined", 'fn p(a) { print a; } fn main() { p(); }')
run("thread handles", 'fn foo() {} fn main() { spawn foo() as p; print p; }')
run("thread numbers are not reused",
  'fn c() {} fn b() { spawn c() as p; print p; } fn main() { spawn b() as p; print p; }')
run("send and recv",
  'fn p() { recv x; print x; } fn main() { spawn p() as p; send "2" to p; print "1"; }')
run("a recv that waits binds its message",
  'fn p() { recv x; print x; recv y; print y; } fn main() { spawn p() as t; send "m1" to t; send "m2" to t; }')
run("mailboxes are first in, first out",
  'fn p() { recv a; recv b; recv c; print a; print b; print c; } ' ..
  'fn main() { spawn p() as t; send "1" to t; send "2" to t; send "3" to t; }')
run("handles travel in messages",
  'fn ping(word) { recv back; send word to back; } ' ..
  'fn main() { spawn ping("pong") as t; spawn ask() as a; send a to t; } ' ..
  'fn ask() { recv answer; print answer; }')
run("sending to a string warns", 'fn main() { send "x" to main2; } fn main2() {}')
run("sending to a non-thread", 'fn p(a) { send "x" to a; } fn main() { p("s"); }')
run("shadowing", 'fn main() { spawn f() as x; print x; recv x; } fn f() { }')
run("all threads waiting: the program ends", 'fn main() { recv x; print "never"; }')
run("undefined name", 'fn main() { print y; }')
run("undefined function", 'fn main() { g(); }')
run("no main", 'fn f() { }')
run("syntax error", 'fn main() { print "x" }')
run("unterminated string", 'fn main() { print "x; }')
