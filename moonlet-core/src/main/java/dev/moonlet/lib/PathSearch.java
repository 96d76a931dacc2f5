package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;

/**
 * A search along a path such as {@code "./?.lua;/usr/local/share/lua/5.4/?.lua"}
 * (loadlib.c's {@code searchpath}): the name, its separators turned into directory
 * separators, replaces each {@code '?'}; the first file of the list that can be opened for
 * reading is the answer, else the message {@code "no file 'a'\n\tno file 'b'..."}.
 *
 * <p>Each probe asks the file system, so the search is charged {@value #FUEL_PER_PROBE} units
 * of fuel per file and pauses when the fuel is spent: a path of a million entries does not
 * hold a step. Subclasses say what the search leads to ({@code package.searchpath}'s
 * results, or a searcher's).
 */
abstract class PathSearch extends InlineSequence {
    /** Fuel charged per file tried. */
    private static final int FUEL_PER_PROBE = 64;
    /** Characters of the path built per unit of fuel. */
    private static final int CHARS_PER_FUEL = 16;

    /** The file names to try, with the name put in (texts as {@link FileName} holds them). */
    private final String[] files;
    /** The path with the name put in, for the message. */
    private final String path;
    private int next;

    /**
     * A search for {@code name} along {@code path}, where each {@code sep} in the name (if
     * {@code sep} is not empty) becomes {@code rep} (texts as {@link FileName} holds them).
     */
    PathSearch(Coroutine co, String name, String path, String sep, String rep) {
        if (!sep.isEmpty() && name.indexOf(sep.charAt(0)) >= 0) name = name.replace(sep, rep);
        this.path = fill(co, path, name);
        this.files = this.path.split(";", -1);
    }

    /** {@code path} with every {@code '?'} replaced by {@code name}; refused when it would not fit. */
    private static String fill(Coroutine co, String path, String name) {
        long marks = path.chars().filter(c -> c == '?').count();
        long length = path.length() + marks * (name.length() - 1L);
        if (length > Heap.MAX_STRING_LENGTH) throw new StringError("not enough memory");
        co.fuel().consume(length / CHARS_PER_FUEL + 1);
        return path.replace("?", name);
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        while (next < files.length) {
            String file = files[next++];
            co.fuel().consume(FUEL_PER_PROBE);
            if (readable(file)) return new Action.Return(found(co, file));
            if (co.fuel().exhausted() && next < files.length) return pause();
        }
        String message = "no file '" + path.replace(";", "'\n\tno file '") + "'";
        return new Action.Return(notFound(co, message));
    }

    /** Whether the file can be opened for reading (as {@code fopen(name, "r")} can). */
    private static boolean readable(String file) {
        try {
            return Files.isReadable(FileName.path(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The results when {@code file} (one byte per character) was found. */
    abstract Object[] found(Coroutine co, String file);

    /** The results when nothing was found: {@code message} lists the files tried. */
    abstract Object[] notFound(Coroutine co, String message);
}
