-- comment
-- [[ not long
x = )
