while false do end
break
