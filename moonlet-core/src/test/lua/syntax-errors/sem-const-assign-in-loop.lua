local limit <const> = 10
for i = 1, limit do
  limit = i
end
