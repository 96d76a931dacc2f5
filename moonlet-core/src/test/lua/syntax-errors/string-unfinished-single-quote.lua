local s = 'it''s
x = 1
