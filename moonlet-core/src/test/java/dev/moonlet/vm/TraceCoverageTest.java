package dev.moonlet.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.LuaError;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sequence and builtin of the runtime that keeps Lua values in its fields shows them to
 * the collector: a class that declares such a field declares {@code trace(Marker)} itself (a
 * builtin does so by being a {@link BuiltinClosure}). A missing one would let the collector
 * clear a weak table's entry, or finalize an object, that a suspended builtin still uses.
 */
class TraceCoverageTest {
    @Test
    void everyClassHoldingLuaValuesTracesThem() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : runtimeClasses()) {
            boolean sequence = Sequence.class.isAssignableFrom(c);
            boolean builtin = Builtin.class.isAssignableFrom(c);
            if (!sequence && !builtin || c.isInterface()) continue;
            checked++;
            Field holder = valueField(c);
            if (holder == null) continue;
            if (!declaresTrace(c) || builtin && !BuiltinClosure.class.isAssignableFrom(c)) {
                missing.add(c.getName() + "." + holder.getName());
            }
        }
        assertTrue(checked > 30, "found only " + checked + " sequences and builtins");
        assertEquals(List.of(), missing, "classes keeping Lua values without tracing them");
    }

    /** A field of {@code c} itself that may hold a Lua value, or null. */
    private static Field valueField(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
            Class<?> t = f.getType();
            while (t.isArray()) t = t.getComponentType();
            if (t == Object.class || Collectable.class.isAssignableFrom(t) || t == LuaError.class
                    || Sequence.class.isAssignableFrom(t) || Action.class.isAssignableFrom(t)
                    || Traced.class.isAssignableFrom(t) || List.class.isAssignableFrom(t)) {
                if (t == dev.moonlet.value.LuaString.class) continue;
                return f;
            }
        }
        return null;
    }

    private static boolean declaresTrace(Class<?> c) {
        try {
            c.getDeclaredMethod("trace", Marker.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The classes of the runtime's packages, from the build's class folder. */
    private static List<Class<?>> runtimeClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Sequence.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, TraceCoverageTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
