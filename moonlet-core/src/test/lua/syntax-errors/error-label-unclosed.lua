::top
