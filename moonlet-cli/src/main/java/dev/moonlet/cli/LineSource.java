package dev.moonlet.cli;

import java.io.Closeable;

/** Where the REPL's lines come from: a terminal with line editing, or piped input. */
interface LineSource extends Closeable {
    /** Answers of {@link #read}: the input ended (Ctrl-D, end of file). */
    String END = null;

    /**
     * Shows {@code prompt} and reads one line (without its newline); {@link #END} at the end
     * of input.
     *
     * @throws Cancelled when the user cancels the line being typed (Ctrl-C at the prompt)
     */
    String read(String prompt) throws Cancelled;

    /** Ctrl-C while typing: the line, and any statement being continued, is dropped. */
    final class Cancelled extends Exception {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    @Override
    void close();
}
