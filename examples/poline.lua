-- An interpreter for Poline (https://github.com/cronokirby/poline), a tiny language of green
-- threads and mailboxes, written on Moonlet's task library: each Poline thread is a task.
--
-- usage: moonlet examples/poline.lua program.poline
--        (or, from Lua: local poline = dofile("examples/poline.lua"); poline.run(source, name))
--
-- A program is a list of functions, one of them `main`; statements are
--   print x;   print "text";          print a variable or a string
--   f(x, "text");                     call a function (missing arguments are undefined)
--   spawn f(x) as t;                  run f in a new thread; t is its handle
--   send x to t;   send "text" to t;  put a message in thread t's mailbox
--   recv x;                           take the next message, waiting for one if need be
-- Names are bound from their statement to the end of their function; a new binding shadows.
-- Threads print as Thread#N, main being Thread#0. Unlike Poline's own interpreter, a `recv`
-- that has to wait binds the message that wakes it.
--
-- Scheduling differs a little. Poline runs a thread until it blocks, then looks for the next
-- runnable thread in creation order; Moonlet's scheduler runs ready tasks in the order they
-- became ready, and pre-empts a task that has used its slice of fuel. Programs whose output
-- depends on that difference print in another order here.

local poline = {}

-- Lexing -------------------------------------------------------------------------------------

local KEYWORDS = {fn = true, recv = true, send = true, to = true, spawn = true, as = true, print = true}

-- The tokens of `source`: {kind = "name"|"string"|"keyword"|"symbol", text = ..., line = n}.
local function lex(source, chunk)
  local tokens, pos, line = {}, 1, 1
  while pos <= #source do
    local c = source:sub(pos, pos)
    if c == "\n" then
      line = line + 1
      pos = pos + 1
    elseif c:match("%s") then
      pos = pos + 1
    elseif c:match("[{}(),;]") then
      tokens[#tokens + 1] = {kind = "symbol", text = c, line = line}
      pos = pos + 1
    elseif c == '"' then
      local close = source:find('"', pos + 1, true)
      if not close then error(chunk .. ":" .. line .. ": unterminated string", 0) end
      local text = source:sub(pos + 1, close - 1)
      tokens[#tokens + 1] = {kind = "string", text = text, line = line}
      local _, newlines = text:gsub("\n", "")
      line = line + newlines
      pos = close + 1
    elseif c:match("%a") then
      local word = source:match("^%w+", pos)
      tokens[#tokens + 1] = {kind = KEYWORDS[word] and "keyword" or "name", text = word, line = line}
      pos = pos + #word
    else
      error(chunk .. ":" .. line .. ": unexpected character '" .. c .. "'", 0)
    end
  end
  tokens[#tokens + 1] = {kind = "eof", text = "<eof>", line = line}
  return tokens
end

-- Parsing ------------------------------------------------------------------------------------

-- A parser over `tokens`: functions to look at, expect and take tokens.
local function parser(tokens, chunk)
  local p, i = {}, 1
  function p.peek() return tokens[i] end
  function p.fail(message) error(chunk .. ":" .. tokens[i].line .. ": " .. message .. " near '" .. tokens[i].text .. "'", 0) end
  function p.take(kind, text)
    local t = tokens[i]
    if t.kind ~= kind or (text and t.text ~= text) then p.fail("'" .. (text or kind) .. "' expected") end
    i = i + 1
    return t
  end
  function p.accept(kind, text)
    local t = tokens[i]
    if t.kind == kind and t.text == text then i = i + 1; return true end
    return false
  end
  return p
end

-- An argument: {string = text} or {name = name, line = n}.
local function argument(p)
  local t = p.peek()
  if t.kind == "string" then p.take("string"); return {string = t.text} end
  if t.kind == "name" then p.take("name"); return {name = t.text, line = t.line} end
  p.fail("argument expected")
end

-- A call `f(args)`: {func = name, args = {...}, line = n}.
local function call(p)
  local name = p.take("name")
  p.take("symbol", "(")
  local args = {}
  if not p.accept("symbol", ")") then
    repeat args[#args + 1] = argument(p) until not p.accept("symbol", ",")
    p.take("symbol", ")")
  end
  return {func = name.text, args = args, line = name.line}
end

local function statement(p)
  local t = p.peek()
  local s
  if p.accept("keyword", "print") then
    s = {op = "print", arg = argument(p)}
  elseif p.accept("keyword", "recv") then
    s = {op = "recv", bind = p.take("name").text}
  elseif p.accept("keyword", "send") then
    s = {op = "send", arg = argument(p)}
    p.take("keyword", "to")
    local target = p.take("name")
    s.target = {name = target.text, line = target.line}
  elseif p.accept("keyword", "spawn") then
    s = {op = "spawn", call = call(p)}
    p.take("keyword", "as")
    s.bind = p.take("name").text
  elseif t.kind == "name" then
    s = {op = "call", call = call(p)}
  else
    p.fail("statement expected")
  end
  p.take("symbol", ";")
  return s
end

-- The program: a table of functions by name, each {params = {...}, body = {...}}.
local function parse(source, chunk)
  local p = parser(lex(source, chunk), chunk)
  local functions = {}
  while p.peek().kind ~= "eof" do
    p.take("keyword", "fn")
    local name = p.take("name")
    if functions[name.text] then p.fail("function '" .. name.text .. "' defined twice") end
    p.take("symbol", "(")
    local params = {}
    if not p.accept("symbol", ")") then
      repeat params[#params + 1] = p.take("name").text until not p.accept("symbol", ",")
      p.take("symbol", ")")
    end
    p.take("symbol", "{")
    local body = {}
    while not p.accept("symbol", "}") do body[#body + 1] = statement(p) end
    functions[name.text] = {params = params, body = body}
  end
  return functions
end

-- Checking: every name is bound before its use, every function called exists, main exists.
local function check(functions, chunk)
  local function fail(line, message) error(chunk .. ":" .. line .. ": " .. message, 0) end
  local function use(scope, arg)
    if arg.name and not scope[arg.name] then fail(arg.line, "undefined name '" .. arg.name .. "'") end
  end
  local function callee(scope, c)
    if not functions[c.func] then fail(c.line, "undefined function '" .. c.func .. "'") end
    for _, a in ipairs(c.args) do use(scope, a) end
  end
  for _, f in pairs(functions) do
    local scope = {}
    for _, name in ipairs(f.params) do scope[name] = true end
    for _, s in ipairs(f.body) do
      if s.arg then use(scope, s.arg) end
      if s.target then use(scope, s.target) end
      if s.call then callee(scope, s.call) end
      if s.bind then scope[s.bind] = true end
    end
  end
  if not functions.main then error(chunk .. ": no function 'main'", 0) end
end

-- Running ------------------------------------------------------------------------------------

local UNDEFINED = setmetatable({}, {__tostring = function() return "undefined" end})

-- Runs the checked program `functions`; `output` prints a line (print by default).
local function execute(functions, output)
  output = output or print
  local threads = 0                       -- threads spawned so far (main is Thread#0)
  local thread_mt = {__tostring = function(t) return "Thread#" .. t.number end}

  local run   -- run(func, args): runs a function's statements in the current thread

  local function value(env, arg)
    if arg.string then return arg.string end
    return env[arg.name]
  end

  local function arguments(env, c)
    local values = {}
    for i, a in ipairs(c.args) do values[i] = value(env, a) end
    return values
  end

  run = function(func, args)
    local env = {}
    for i, name in ipairs(func.params) do
      local v = args[i]
      if v == nil then v = UNDEFINED end
      env[name] = v
    end
    for _, s in ipairs(func.body) do
      local op = s.op
      if op == "print" then
        output(tostring(value(env, s.arg)))
      elseif op == "recv" then
        env[s.bind] = task.recv()
      elseif op == "send" then
        local target = value(env, s.target)
        if getmetatable(target) == thread_mt then
          task.send(target.task, value(env, s.arg))   -- to an ended thread: dropped, as in Poline
        else
          output("Warning: tried to send " .. tostring(value(env, s.arg)) .. " to " .. tostring(target))
        end
      elseif op == "spawn" then
        threads = threads + 1
        local callee, values = functions[s.call.func], arguments(env, s.call)
        env[s.bind] = setmetatable({number = threads, task = task.spawn(run, callee, values)}, thread_mt)
      else
        run(functions[s.call.func], arguments(env, s.call))
      end
    end
  end

  -- main is a thread like the others: when every thread waits for a message, the program just
  -- ends, as in Poline. (Starting it on a fresh slice of fuel also keeps short threads unbroken.)
  task.spawn(run, functions.main, {})
end

-- Starts Poline `source` (named `chunk` in messages): its threads, main first, are tasks that
-- run as soon as the caller blocks or ends. `output` receives each printed line (print by default).
function poline.run(source, chunk, output)
  chunk = chunk or "poline"
  local functions = parse(source, chunk)
  check(functions, chunk)
  execute(functions, output)
end

if arg and arg[0] and arg[0]:match("poline%.lua$") and arg[1] then
  local f = assert(io.open(arg[1], "rb"))
  local source = f:read("a")
  f:close()
  local ok, err = pcall(poline.run, source, arg[1])
  if not ok then
    io.stderr:write("poline: ", tostring(err), "\n")
    os.exit(1)
  end
else
  return poline
end
