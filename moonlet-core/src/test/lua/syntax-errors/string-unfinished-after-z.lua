x = "abc\z   
   
  def
y = 1
