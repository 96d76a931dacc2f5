package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code math.random}'s generator gives lua5.4's numbers. Each expected value was printed by
 * lua5.4 after the same {@code math.randomseed} and calls, as in
 * {@code lua5.4 -e 'math.randomseed(42) print(math.random(0), math.random(0))'}.
 */
class Xoshiro256Test {

    private static Xoshiro256 seeded(long n1, long n2) {
        Xoshiro256 r = new Xoshiro256();
        r.seed(n1, n2);
        return r;
    }

    @Test
    void fullIntegersFollowLua() {
        Xoshiro256 r = seeded(42, 0);
        assertEquals(-1276290044721465627L, r.nextLong());
        assertEquals(8333941968102511665L, r.nextLong());
        assertEquals(-8358531260401861301L, r.nextLong());
    }

    @Test
    void firstValueAfterSeed1007IsTheOneMathLuaChecks() {
        assertEquals(0x7a7040a5a323c9d6L, seeded(1007, 0).nextLong());
    }

    @Test
    void rangeProjectionRejectsLikeLua() {
        // math.randomseed(42); math.random(1, 100) draws twice (the first draw is above 99)
        Xoshiro256 r = seeded(42, 0);
        assertEquals(50, r.nextInRange(1, 100));
        assertEquals(-8358531260401861301L, r.nextLong());
        assertEquals(0.79358935263827, r.nextDouble(), 5e-15);
        assertEquals(6, r.nextInRange(1, 7));
        assertEquals(-4, r.nextInRange(-10, 10));
        assertEquals(3891836817331783281L, r.nextInRange(Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(414438555, r.nextInRange(3, 1000000007));
    }

    @Test
    void secondSeedComponentAndNegativeSeeds() {
        Xoshiro256 r = seeded(-1, 77);
        assertEquals(-881236984537773841L, r.nextLong());
        assertEquals(0.70372196326308, r.nextDouble(), 5e-15);
        assertEquals(4, r.nextInRange(3, 5));
        assertEquals(-2, r.nextInRange(-3, 3));
    }

    @Test
    void floatsUseTheTop53Bits() {
        Xoshiro256 r = seeded(0, 0);
        assertEquals(4554719557422691265L, r.nextLong());
        assertEquals(0.23482927841848023, r.nextDouble());
        assertEquals(391084, r.nextInRange(1, 1000000));
        assertEquals(-7628392839634014443L, r.nextInRange(Long.MIN_VALUE, -1));
        for (int i = 0; i < 1000; i++) {
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
            assertEquals(d, Math.scalb(Math.scalb(d, 53), -53)); // no bits below 2^-53
        }
    }

    @Test
    void smallAndLargeIntervals() {
        Xoshiro256 r = seeded(123456789, 987654321);
        long[] dice = {2, 1, 5, 3, 5};
        for (long d : dice) assertEquals(d, r.nextInRange(1, 6));
        r = seeded(5, 0);
        assertEquals(3549359249216114506L, r.nextInRange(0, Long.MAX_VALUE));
        assertEquals(2990108865023399L, r.nextInRange(-(1L << 53), 1L << 53));
        assertEquals(11, r.nextInRange(10, 12));
        assertEquals(2, r.nextInRange(1, 3));
    }
}
