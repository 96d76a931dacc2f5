package dev.moonlet.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashKeyTest {
    /**
     * "Aa" and "BB" collide under every polynomial hash with multiplier 31, so the 4096
     * strings made of 12 such blocks all shared one hash before hashes were keyed: a table
     * of them was one probe run, and each insertion cost time in proportion to its size.
     */
    @Test
    void aPublicCollisionFamilyDoesNotCollide() {
        Set<Integer> hashes = new HashSet<>();
        int n = 12;
        for (int bits = 0; bits < (1 << n); bits++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append((bits >> i & 1) == 0 ? "Aa" : "BB");
            hashes.add(LuaString.of(sb.toString()).hashCode());
        }
        assertTrue(hashes.size() > 4000, "distinct hashes: " + hashes.size());
    }

    /** 4096 keys thrown at random into 4096 buckets fill about 1 - 1/e of them (2589). */
    @Test
    void integerKeysSpacedByPowersOfTwoSpreadLikeRandomOnes() {
        Set<Integer> homes = new HashSet<>();
        for (long i = 0; i < 4096; i++) homes.add(HashKey.ofLong(i << 32) >>> 20);
        assertTrue(homes.size() > 2400, "distinct top-12-bit homes: " + homes.size());
    }
}
