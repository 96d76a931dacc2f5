package dev.moonlet.value;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The secret that keys the hashes of table keys (strings, integers and floats), chosen once per
 * JVM from a strong random source.
 *
 * <p>Why: with a fixed, public hash a script could choose thousands of keys that all land in
 * one probe run of a table, making each insertion cost time in proportion to the table's size
 * inside a single instruction: one step would then hold the thread far beyond its fuel. With a
 * secret key the script cannot compute such keys. (PUC-Rio Lua seeds its string hashes per
 * state for the same reason, so {@code pairs} order differs between runs there too.) The
 * mixing is keyed but not cryptographic: it removes the known seed-independent collision
 * families of polynomial hashes, which is what an attacker without the key can exploit.
 *
 * <p>The secret comes from the kernel's {@code /dev/urandom} where there is one: a
 * {@link SecureRandom} would draw from the same source, but first initialises the JDK's
 * security providers, which cost the {@code moonlet} command a fifth of its start-up.
 */
final class HashKey {
    private static final long STRING_SEED;
    private static final long STRING_MIX;
    private static final long INTEGER_SEED;
    private static final long INTEGER_MIX;

    static {
        ByteBuffer secret = ByteBuffer.wrap(secretBytes(4 * Long.BYTES));
        STRING_SEED = secret.getLong();
        STRING_MIX = secret.getLong() | 1;
        INTEGER_SEED = secret.getLong();
        INTEGER_MIX = secret.getLong() | 1;
    }

    private HashKey() {}

    /** {@code n} bytes from {@code /dev/urandom}, or from a {@link SecureRandom} where it cannot be read. */
    private static byte[] secretBytes(int n) {
        try (InputStream urandom = new FileInputStream("/dev/urandom")) {
            byte[] b = urandom.readNBytes(n);
            if (b.length == n) return b;
        } catch (IOException | SecurityException e) {
            // No such device (Windows) or not allowed: the portable source below.
        }
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** The keyed hash of the bytes {@code b[off, off+len)}; never 0 (0 marks "not computed"). */
    static int ofBytes(byte[] b, int off, int len) {
        long h = STRING_SEED ^ len;
        for (int i = off, end = off + len; i < end; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L; // FNV-1a's step, from a secret basis
        }
        h ^= h >>> 29;
        h *= STRING_MIX;
        int r = (int) (h ^ (h >>> 32));
        return r == 0 ? 1 : r;
    }

    /** The keyed hash of the 64 bits {@code k} (an integer key, or a float key's bits). */
    static int ofLong(long k) {
        long m = (k ^ INTEGER_SEED) * INTEGER_MIX;
        m ^= m >>> 31;
        m *= 0x9E3779B97F4A7C15L;
        return (int) (m ^ (m >>> 32));
    }
}
