package dev.moonlet.cli;

import dev.moonlet.api.Lua;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;

/** The {@code moonlet} command as a separate JVM, for tests: the real exit status, streams and environment. */
final class MoonletCommand {
    private MoonletCommand() {}

    /** {@code java ... dev.moonlet.cli.Main} followed by {@code args}; JVM options that make it start fast. */
    static List<String> commandLine(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classPath(), Main.class.getName()));
        cmd.addAll(args);
        return cmd;
    }

    /** The classes of the command, the runtime (with ASM, which its compiled tier uses) and JLine, wherever the build put them. */
    static String classPath() {
        return String.join(File.pathSeparator, location(Main.class), location(Lua.class),
                location(org.objectweb.asm.ClassWriter.class), location(LineReader.class));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
