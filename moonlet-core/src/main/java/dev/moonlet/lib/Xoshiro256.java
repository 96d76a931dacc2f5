package dev.moonlet.lib;

/**
 * The pseudo-random generator of {@code math.random}: xoshiro256** seeded and used exactly as
 * PUC-Rio Lua 5.4's lmathlib does, so that a script sees the same numbers as under
 * {@code lua5.4} for the same seed.
 *
 * <pre>{@code
 * Xoshiro256 r = new Xoshiro256();
 * r.seed(42, 0);
 * r.nextInRange(1, 100);   // 50, as lua5.4's math.randomseed(42); math.random(1, 100)
 * }</pre>
 *
 * Each instance owns one generator (instances share nothing); it is plain state (four longs)
 * so that a paused instance can be saved.
 */
public final class Xoshiro256 {
    private long s0, s1, s2, s3;

    /** A generator seeded with {@code (0, 0)}; call {@link #seed} to choose another seed. */
    public Xoshiro256() {
        seed(0, 0);
    }

    /**
     * Seeds the generator as {@code math.randomseed(n1, n2)} does: the state becomes
     * {@code {n1, 0xff, n2, 0}} and the first 16 outputs are discarded.
     */
    public void seed(long n1, long n2) {
        s0 = n1;
        s1 = 0xff; // avoids an all-zero state
        s2 = n2;
        s3 = 0;
        for (int i = 0; i < 16; i++) nextLong();
    }

    /** The next 64 random bits ({@code math.random(0)}). */
    public long nextLong() {
        long t2 = s2 ^ s0;
        long t3 = s3 ^ s1;
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        s0 ^= t3;
        s2 = t2 ^ (s1 << 17);
        s1 ^= t2;
        s3 = Long.rotateLeft(t3, 45);
        return result;
    }

    /** A float in {@code [0, 1)} made of the top 53 bits of the next output ({@code math.random()}). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1p-53;
    }

    /**
     * A uniform integer in {@code [low, up]} ({@code math.random(low, up)}); the caller
     * ensures {@code low <= up}. Consumes one output, plus one more for each rejected draw.
     */
    public long nextInRange(long low, long up) {
        return project(nextLong(), up - low) + low;
    }

    /**
     * Projects the random value {@code ran} into {@code [0, n]} (n unsigned) without bias:
     * masks it to the smallest {@code 2^b - 1} not below n, drawing again while the result is
     * above n.
     */
    private long project(long ran, long n) {
        if ((n & (n + 1)) == 0) return ran & n; // n + 1 is a power of 2
        long lim = -1L >>> Long.numberOfLeadingZeros(n);
        while (Long.compareUnsigned(ran &= lim, n) > 0) ran = nextLong();
        return ran;
    }
}
