local function f()
  local function g()
    return 1 +
  end
end
