if x then
else
elseif y then
end
