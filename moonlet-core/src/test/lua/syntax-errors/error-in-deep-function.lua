local function a()
  local function b()
    local function c()
      if x then
        y = {1, 2,, 3}
      end
    end
  end
end
