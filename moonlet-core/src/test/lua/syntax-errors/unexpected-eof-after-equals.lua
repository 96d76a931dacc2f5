x =

