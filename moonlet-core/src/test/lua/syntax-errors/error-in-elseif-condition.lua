if x then
elseif then
end
