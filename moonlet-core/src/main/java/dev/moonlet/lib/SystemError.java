package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/**
 * A failed system call as C reports it: the {@code strerror} text and the {@code errno} value
 * (Linux numbering), recovered from the Java exception that stands for it. The io library
 * returns these as lauxlib's {@code luaL_fileresult} does: {@code nil, "name: text", errno}.
 *
 * <pre>{@code
 * SystemError.of(new NoSuchFileException("x.txt"))   // "No such file or directory", 2
 * }</pre>
 */
record SystemError(String text, long errno) {
    /** {@code EBADF}: reading a file opened only for writing, or the other way round. */
    static final SystemError BAD_FILE = new SystemError("Bad file descriptor", 9);
    /** {@code ESPIPE}: seeking a pipe or a terminal. */
    static final SystemError ILLEGAL_SEEK = new SystemError("Illegal seek", 29);
    /** {@code EINVAL}: seeking before the start of a file, an unusable file name. */
    static final SystemError INVALID_ARGUMENT = new SystemError("Invalid argument", 22);
    /** {@code ENOENT}. */
    static final SystemError NO_SUCH_FILE = new SystemError("No such file or directory", 2);

    /** errno values by strerror text, for the failures file operations commonly meet. */
    private static final Map<String, Long> ERRNO = Map.ofEntries(
            Map.entry("Operation not permitted", 1L), Map.entry("No such file or directory", 2L),
            Map.entry("Input/output error", 5L), Map.entry("Bad file descriptor", 9L),
            Map.entry("Permission denied", 13L), Map.entry("Device or resource busy", 16L),
            Map.entry("File exists", 17L), Map.entry("Invalid cross-device link", 18L),
            Map.entry("Not a directory", 20L),
            Map.entry("Is a directory", 21L), Map.entry("Invalid argument", 22L),
            Map.entry("Too many open files", 24L), Map.entry("File too large", 27L),
            Map.entry("No space left on device", 28L), Map.entry("Illegal seek", 29L),
            Map.entry("Read-only file system", 30L), Map.entry("Broken pipe", 32L),
            Map.entry("File name too long", 36L), Map.entry("Directory not empty", 39L),
            Map.entry("Too many levels of symbolic links", 40L), Map.entry("Disk quota exceeded", 122L));

    /** The system error an exception from {@code java.io} or {@code java.nio} stands for. */
    static SystemError of(Exception e) {
        if (e instanceof Failure f) return f.error;
        if (e instanceof NoSuchFileException) return NO_SUCH_FILE;
        if (e instanceof InvalidPathException) return INVALID_ARGUMENT;
        String text = e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof FileAlreadyExistsException ? "File exists"
                : e instanceof NotDirectoryException ? "Not a directory"
                : e instanceof DirectoryNotEmptyException ? "Directory not empty"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : "Input/output error";
        return new SystemError(text, ERRNO.getOrDefault(text, 5L));
    }

    /**
     * What a file function returns for this failure ({@code luaL_fileresult} with a false
     * status): fail, the text (after {@code "name: "} when a file name is given), and errno.
     */
    Object[] result(LuaString name) {
        LuaString message = LuaString.of(text);
        if (name != null) message = name.concat(LuaString.of(": ")).concat(message);
        return new Object[] {null, message, errno};
    }

    /** An {@link IOException} that carries a system error, for failures Java does not raise itself. */
    static final class Failure extends IOException {
        private final SystemError error;

        Failure(SystemError error) {
            super(error.text, null);
            this.error = error;
        }

        /** No Java stack trace: the failure is an answer to the script, not a bug. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
