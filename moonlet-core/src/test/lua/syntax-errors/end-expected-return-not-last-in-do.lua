do return end print(1) end
