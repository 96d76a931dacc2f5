-- Integer arithmetic wraps around modulo 2^64.
local maxi = 9223372036854775807
local mini = -9223372036854775807 - 1
print(maxi + 1 == mini, mini - 1 == maxi)
print(maxi * 2, mini * -1, -mini)
print(maxi + 1, mini - 1)
print(maxi * maxi, mini * mini)
print(mini // -1, mini % -1, mini / -1)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x10000000000000000)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(mini < maxi, maxi > mini)
