while true do break 1 end
