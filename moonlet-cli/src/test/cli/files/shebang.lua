#!/usr/bin/env lua
print("shebang line skipped", debug.getinfo(1, "l").currentline)
