local a <close>,
  b <const>,
  c <close>
  = 1
