-- bags: the little stack language of the live-REPL article, written in Lua. The playground
-- (moonlet playground, language "bags") runs this file on Moonlet with the code box's text.
-- From the command line:  ./moonlet examples/bags.lua '0 1 | ^ *'
--
-- A program is a row of one-character tokens acting on a stack of bags (lists of rows of
-- numbers):
--   0  1   push the bag [[0]] or [[1]]
--   |      union: pops the left bag first, then the right; pushes left ++ right
--   *      product: pops left, then right; pushes each left row followed by each right row
--   ^      pushes a copy of the top bag
-- Spaces (and other white space) are skipped. Any other character, an operator that finds
-- too few bags, or a program that does not leave exactly one bag is a parse error, found
-- before anything runs. The result is printed one row per line, each number followed by ", ".

local program = ...
if type(program) ~= "string" then
  error("usage: bags.lua PROGRAM", 0)
end

-- How many bags each operator pops, and how many it pushes.
local arity = {["0"] = {0, 1}, ["1"] = {0, 1}, ["|"] = {2, 1}, ["*"] = {2, 1}, ["^"] = {1, 2}}

-- Checks the program as a whole; answers its tokens.
local function parse(text)
  local tokens, depth = {}, 0
  for pos = 1, #text do
    local c = text:sub(pos, pos)
    if not c:find("^%s") then
      local a = arity[c]
      if not a then
        error(("parse error at character %d: unexpected '%s'"):format(pos, c), 0)
      end
      if depth < a[1] then
        error(("parse error at character %d: '%s' needs %d bag%s, the stack has %d")
          :format(pos, c, a[1], a[1] == 1 and "" or "s", depth), 0)
      end
      depth = depth - a[1] + a[2]
      tokens[#tokens + 1] = c
    end
  end
  if depth ~= 1 then
    error(("parse error: the program leaves %d bags on the stack, not one"):format(depth), 0)
  end
  return tokens
end

local function union(left, right)
  local bag = table.move(left, 1, #left, 1, {})
  return table.move(right, 1, #right, #bag + 1, bag)
end

local function product(left, right)
  local bag = {}
  for _, l in ipairs(left) do
    for _, r in ipairs(right) do
      local row = table.move(l, 1, #l, 1, {})
      bag[#bag + 1] = table.move(r, 1, #r, #row + 1, row)
    end
  end
  return bag
end

local function run(tokens)
  local stack = {}
  local function pop()
    local top = stack[#stack]
    stack[#stack] = nil
    return top
  end
  for _, t in ipairs(tokens) do
    if t == "0" or t == "1" then
      stack[#stack + 1] = {{tonumber(t)}}
    elseif t == "^" then
      stack[#stack + 1] = stack[#stack]
    else
      local left = pop()
      local right = pop()
      stack[#stack + 1] = (t == "|" and union or product)(left, right)
    end
  end
  return stack[1]
end

for _, row in ipairs(run(parse(program))) do
  io.write(table.concat(row, ", "), ", \n")
end
