package dev.moonlet.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaString;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code os} where Moonlet departs from lua5.4 on purpose: {@code os.exit}
 * hands the status to the host instead of ending the JVM, and {@code os.execute} starts no
 * process. (These functions use no coroutine, so they are called directly.)
 */
class OsLibTest {

    private static OsExit exit(Object... args) {
        return assertThrows(OsExit.class, () -> OsLib.exit(null, args));
    }

    @Test
    void exitThrowsTheStatusForTheHost() {
        assertEquals(0, exit().status());
        assertEquals(0, exit(true).status());
        assertEquals(1, exit(false).status());
        assertEquals(3, exit(3L).status());
        assertEquals(3, exit(3.0).status());
        assertEquals(2, exit(LuaString.of("2")).status());
        assertEquals(0, exit(1L << 40).status()); // C's (int) cast
        assertFalse(exit(0L).close());
        assertTrue(exit(0L, true).close());
    }

    @Test
    void exitChecksItsArgument() {
        assertEquals("bad argument #1 (number expected, got table)",
                assertThrows(dev.moonlet.vm.ArgumentError.class,
                        () -> OsLib.exit(null, new Object[] {new dev.moonlet.value.LuaTable()})).getMessage());
    }

    @Test
    void executeIsOff() {
        assertEquals(false, OsLib.execute(null, new Object[0]));
        assertArrayEquals(new Object[] {null, LuaString.of("'execute' not supported"), -1L},
                (Object[]) OsLib.execute(null, new Object[] {LuaString.of("echo hi")}));
    }
}
