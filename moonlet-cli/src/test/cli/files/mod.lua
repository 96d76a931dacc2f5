print("loading mod", ...)
return {name = "mod"}
