package dev.moonlet.playground;

import dev.moonlet.vm.Fuel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What scripts wrote to one console during a slice, until the {@link Machine} sends it to the
 * page as one event: output is coalesced per slice, never sent per {@code print}.
 *
 * <p>A slice that writes more than {@link #SLICE_LIMIT} bytes is cut short (its fuel is
 * interrupted, as piccolo's page does on {@code print}), so that a printing loop hands the
 * thread back as soon as it has produced a screenful; the session's {@link OutputBudget} then
 * decides when it may run again.
 *
 * <p>Only the stepper thread running the machine touches a console output.
 */
final class ConsoleOutput extends OutputStream {
    /** The bytes after which the slice that writes them ends. */
    static final int SLICE_LIMIT = 4096;

    /** The console's name on the page: {@code live}, {@code left} or {@code right}. */
    final String console;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** The fuel of the slice running now, interrupted when this output fills. */
    private Fuel fuel;

    ConsoleOutput(String console) {
        this.console = console;
    }

    /** Sets the fuel of the slice about to run. */
    void attach(Fuel fuel) {
        this.fuel = fuel;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        checkFull();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        checkFull();
    }

    private void checkFull() {
        if (pending.size() >= SLICE_LIMIT && fuel != null) fuel.interrupt();
    }

    /** Whether nothing waits to be taken. */
    boolean isEmpty() {
        return pending.size() == 0;
    }

    /** Throws away what was written and not yet taken (a console's new run starts clean). */
    void discard() {
        pending.reset();
    }

    /**
     * Takes the text written so far, decoded as UTF-8 (invalid bytes become U+FFFD). A
     * multi-byte sequence cut at the end stays for the next take, which will complete it.
     */
    String take() {
        byte[] b = pending.toByteArray();
        int end = completeLength(b);
        pending.reset();
        pending.write(b, end, b.length - end);
        return new String(Arrays.copyOf(b, end), StandardCharsets.UTF_8);
    }

    /** The length of {@code b} without a trailing incomplete UTF-8 sequence. */
    static int completeLength(byte[] b) {
        for (int i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
            int c = b[i] & 0xFF;
            if (c < 0x80) return b.length;
            if (c >= 0xC0) {
                int needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                return i + needed > b.length ? i : b.length;
            }
        }
        return b.length;
    }
}
