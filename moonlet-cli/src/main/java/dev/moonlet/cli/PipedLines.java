package dev.moonlet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * REPL lines from input that is not a terminal ({@code moonlet -i < file}). Each prompt is
 * written and each line read is echoed after it, as {@code lua5.4} built with readline (as
 * Debian builds it) does, so a transcript of piped input reads like a session.
 */
final class PipedLines implements LineSource {
    private final BufferedReader in;
    private final ScriptOutput out;

    PipedLines(InputStream in, ScriptOutput out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    @Override
    public String read(String prompt) {
        out.print(prompt);
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            return END;
        }
        if (line != null) out.print(line + "\n");
        return line;
    }

    @Override
    public void close() {
        // Standard input stays open: the script may still read it.
    }
}
