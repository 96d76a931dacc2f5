obj:method(1):other(2)
  .field:third(
