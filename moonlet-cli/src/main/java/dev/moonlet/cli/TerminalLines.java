package dev.moonlet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * REPL lines from a terminal, read with JLine: line editing, and history kept in
 * {@code ~/.moonlet_history} across sessions. A dumb terminal ({@code TERM=dumb}, an editor's
 * shell buffer) gets plain line input. Ctrl-C while code runs (not while typing) goes to
 * {@code onInterrupt}.
 */
final class TerminalLines implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    TerminalLines(Runnable onInterrupt) {
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName(Main.PROGNAME)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".moonlet_history"))
                // Lua code is not shell words: no '!' history expansion, no escapes eaten.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    @Override
    public String read(String prompt) throws Cancelled {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Cancelled();
        } catch (EndOfFileException e) {
            return END;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // The session is over; a history that cannot be saved is not worth an error.
        }
    }
}
