package dev.moonlet.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleOutputTest {
    @Test
    void aCharacterCutBetweenTwoSlicesIsSentWhole() {
        ConsoleOutput out = new ConsoleOutput("live");
        byte[] moon = "lune: \u263E".getBytes(StandardCharsets.UTF_8);
        out.write(moon, 0, moon.length - 1);
        assertEquals("lune: ", out.take());
        out.write(moon, moon.length - 1, 1);
        assertEquals("\u263E", out.take());
        assertTrue(out.isEmpty());
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        ConsoleOutput out = new ConsoleOutput("live");
        out.write(new byte[] {'a', (byte) 0xFF, 'b'}, 0, 3);
        assertEquals("a\uFFFDb", out.take());
    }

    @Test
    void budgetRunsOutAndSaysWhenItRefills() {
        OutputBudget budget = new OutputBudget(1000, 2000);
        assertTrue(budget.available());
        budget.spend(5000);
        assertFalse(budget.available());
        assertTrue(budget.millisUntilAvailable() > 1000, "3000 bytes over at 1000 a second");
    }
}
