package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.moonlet.lib.BaseLib;
import dev.moonlet.value.LuaTable;
import org.junit.jupiter.api.Test;

/** An executor whose function cannot be called fails with Lua's message, not an internal error. */
class UncallableMainTest {
    @Test
    void nilIsAttemptToCallANilValue() {
        Instance instance = new Instance();
        BaseLib.open(instance);
        Status s = new Executor(instance, null).step(1000);
        Status.Failed f = assertInstanceOf(Status.Failed.class, s);
        assertEquals("attempt to call a nil value", f.error().getMessage());
    }

    @Test
    void aTableWithoutCallIsAttemptToCallATableValue() {
        Status s = new Executor(new Instance(), new LuaTable()).step(1000);
        assertEquals("attempt to call a table value", assertInstanceOf(Status.Failed.class, s).error().getMessage());
    }
}
