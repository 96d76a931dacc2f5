package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Instance;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files an instance's scripts have opened and not closed, kept so that their buffered
 * output is never lost: in Lua the collector closes a file whose handle was dropped, and
 * {@code lua_close} closes the rest; Moonlet does not run {@code __gc} yet, so it does both
 * here, on the instance's own thread:
 * <ul>
 *   <li>a file whose handle the JVM has collected is flushed and closed the next time the
 *       script opens a file ({@link #beforeOpen});</li>
 *   <li>opening a file also flushes the output of the files still open, so that a script
 *       reading a file it wrote through a handle it forgot sees what it wrote, as it would
 *       after a collection in Lua;</li>
 *   <li>{@link #closeAll} closes everything, for the host when it is done with the instance.</li>
 * </ul>
 * It lives in the registry, as {@code collectgarbage}'s settings do.
 */
final class OpenFiles {
    private static final LuaString KEY = LuaString.of("moonlet.io.files");

    /** A weak reference to a handle that remembers its stream, to close it once the handle is gone. */
    private static final class Handle extends WeakReference<Userdata> {
        final LuaFile file;

        Handle(Userdata handle, LuaFile file, ReferenceQueue<Userdata> queue) {
            super(handle, queue);
            this.file = file;
        }
    }

    private final ReferenceQueue<Userdata> dropped = new ReferenceQueue<>();
    /** Open streams (compared by identity) and the references that watch their handles. */
    private final Map<LuaFile, Handle> open = new HashMap<>();

    private OpenFiles() {}

    /** Creates the (empty) set of {@code instance}; {@code io}'s opening does it once. */
    static void create(Instance instance) {
        instance.registry().put(KEY, new Userdata(new OpenFiles()));
    }

    /** The set of {@code instance}, or null when the io library is not open in it. */
    static OpenFiles of(Instance instance) {
        return instance.registry().get(KEY) instanceof Userdata u && u.payload() instanceof OpenFiles f ? f : null;
    }

    /**
     * Closes the files whose handles were collected and flushes the others; call before
     * opening a file. Answers how many files it went through, for the caller to charge.
     */
    int beforeOpen() {
        for (Reference<? extends Userdata> r; (r = dropped.poll()) != null; ) {
            LuaFile file = ((Handle) r).file;
            if (open.remove(file) != null) closeQuietly(file);
        }
        for (LuaFile file : open.keySet()) {
            try {
                file.flush();
            } catch (IOException e) {
                // The failure stays with that file: its own flush or close reports it.
            }
        }
        return open.size();
    }

    /** Records that {@code file}, whose handle is {@code handle}, is open. */
    void add(Userdata handle, LuaFile file) {
        open.put(file, new Handle(handle, file, dropped));
    }

    /** Records that {@code file} was closed. */
    void remove(LuaFile file) {
        open.remove(file);
    }

    /** Closes every file still open, flushing its output; failures are ignored, as in {@code lua_close}. */
    void closeAll() {
        List<LuaFile> files = new ArrayList<>(open.keySet());
        open.clear();
        for (LuaFile file : files) closeQuietly(file);
    }

    private static void closeQuietly(LuaFile file) {
        try {
            file.close();
        } catch (IOException e) {
            // Nobody is left to hear it: the handle is gone, or the instance is closing.
        }
    }
}
