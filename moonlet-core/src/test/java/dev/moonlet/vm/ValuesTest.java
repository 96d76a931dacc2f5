package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link Values#copy}: the same results as {@link System#arraycopy}, short runs and long. */
class ValuesTest {

    private static Object[] numbered(int n) {
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) a[i] = (long) i;
        return a;
    }

    /** Copies with both methods from fresh arrays and compares. */
    private static void assertSameAsArraycopy(int length, int srcPos, int destPos, int n, boolean sameArray) {
        Object[] expectedSrc = numbered(length);
        Object[] expectedDest = sameArray ? expectedSrc : new Object[length];
        System.arraycopy(expectedSrc, srcPos, expectedDest, destPos, n);
        Object[] src = numbered(length);
        Object[] dest = sameArray ? src : new Object[length];
        Values.copy(src, srcPos, dest, destPos, n);
        assertArrayEquals(expectedDest, dest);
        assertArrayEquals(expectedSrc, src);
    }

    @Test
    void copiesBetweenArrays() {
        for (int n = 0; n <= 20; n++) assertSameAsArraycopy(30, 3, 5, n, false);
    }

    @Test
    void copiesDownWithinAnArray() {
        // Results moving down to the caller's slots: the runs overlap when they are long.
        for (int n = 0; n <= 20; n++) assertSameAsArraycopy(40, 10, 7, n, true);
    }

    @Test
    void copiesUpWithinAnArray() {
        // Overlapping runs moving up must be copied from their end, as arraycopy does.
        for (int n = 0; n <= 20; n++) assertSameAsArraycopy(40, 7, 10, n, true);
    }
}
