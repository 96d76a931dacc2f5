package dev.moonlet.lib;

import static dev.moonlet.lib.LuaValues.bytes;
import static dev.moonlet.lib.LuaValues.message;
import static dev.moonlet.lib.LuaValues.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.TestFuel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code string.pack}, {@code string.unpack} and {@code string.packsize} against lua5.4: each
 * row is a call and what lua5.4 answered (recorded by a generator script).
 */
class StringPackTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                row("pack", "\"\\255\"", "B", 255L),
                row("pack", "\"\\127\"", "b", 127L),
                row("pack", "\"\\128\"", "b", -128L),
                row("pack", "\"\\255\\255\"", "H", 65535L),
                row("pack", "\"\\000\\128\"", "h", -32768L),
                row("pack", "\"\\255\\255\\255\\255\\000\\000\\000\\000\"", "L", 4294967295L),
                row("pack", "\"\\255\\255\\255\\255\\255\\255\\255\\255\"", "l", -1L),
                row("pack", "\"V4\\018\"", "<i3", 1193046L),
                row("pack", "\"\\0184V\"", ">i3", 1193046L),
                row("pack", "\"\\209\\007\\000\\000\"", "=i4", 2001L),
                row("pack", "\"\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\"", "i16", -1L),
                row("pack", "\"\\170\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\"", "<I16", 170L),
                row("pack", "\"\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\170\"", ">I16", 170L),
                row("pack", "\"\\000\\000\\000\\000\\000\\000\\000\\128\"", "<j", Long.MIN_VALUE),
                row("pack", "\"\\255\\255\\255\\255\\255\\255\\255\\255\"", ">J", -1L),
                row("pack", "\"\\000\\000\\000\\000\\000\\000\\000\\128\\255\"", "<i9", Long.MIN_VALUE),
                row("pack", "\"\\255\\255\\255\\255\\255\\255\\255\\255\\000\"", "<I9", -1L),
                row("pack", "\"\\003\\000\\000\\000\\000\\000\\000\\000\"", "T", 3L),
                row("pack", "\"\\000\\000\\192A\"", "<f", 24L),
                row("pack", "\"\\191\\192\\000\\000\"", ">f", -0x1.8p+0),
                row("pack", "\"\\154\\153\\153\\153\\153\\153\\185?\"", "<d", 0x1.999999999999ap-4),
                row("pack", "\"\\127\\240\\000\\000\\000\\000\\000\\000\"", ">n", Double.POSITIVE_INFINITY),
                row("pack", "\"\\205\\204\\204=\"", "<f", 0x1.999999999999ap-4),
                row("pack", "\"\\000\\000\\000\\000\\000\\000@C\"", "<d", 0x1p+53),
                row("pack", "\"hello\\000\"", "z", "hello"),
                row("pack", "\"abc\\000\\247\"", "zB", "abc", 247L),
                row("pack", "\"\\003\\000\\000\\000\\000\\000\\000\\000alo\"", "s", "alo"),
                row("pack", "\"\\003alo\"", "s1", "alo"),
                row("pack", "\"\\000\\003alo\"", ">s2", "alo"),
                row("pack", "\"\\001\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000x\"", "s16", "x"),
                row("pack", "\"\"", "c0", ""),
                row("pack", "\"123\"", "c3", "123"),
                row("pack", "\"123456\\000\\000\"", "c8", "123456"),
                row("pack", "\"\\000\\001\\000\\000\\000\"", "c5", "\000\001"),
                row("pack", "\"\\000\\010\\020\\000\"", ">i2 <i2", 10L, 20L),
                row("pack", "\"\\002\\003\\000\"", " < i1 i2 ", 2L, 3L),
                row("pack", "\"\\244\\000\\000\\000\\000\\000\\000d\\000\\000\\000\\000\\000\\000\\000\\200\\236\\000\\000\\000\\000\\000\\000\\000\"", ">!8 b Xh i4 i8 c1 Xi8", -12L, 100L, 200L, "\354"),
                row("pack", "\"abcabcdxzhello\\000\\000\\000\\000\\000\\005worldxy\\000\"", ">!4 c3 c4 c2 z i4 c5 c2 Xi4", "abc", "abcd", "xz", "hello", 5L, "world", "xy"),
                row("pack", "\"\\001\\002\\003\\000\"", " b b Xd b Xb x", 1L, 2L, 3L),
                row("pack", "\"abc\"", "<! c3", "abc"),
                row("pack", "\"\\001\\000\\002\\000\\000\\000\\000\\000\\000\\000\"", "!2 h i8", 1L, 2L),
                row("pack", "error: bad argument #1 (format asks for alignment not power of 2)", "!i3", 1L),
                row("pack", "\"\\000\\000\\000\"", "x x x"),
                row("pack", "\"\\001\\000\"", "<i2\000ignored", 1L),
                row("pack", "\"\\001\\000\\000\\000\\000\\000\\000\\000\"", "<i8", 0x1p+0),
                row("pack", "\"\\012\\000\\000\\000\"", "<i4", "12"),
                row("pack", "\"\\000\"", "<b", 0x0p+0),
                row("pack", "error: integral size (0) out of limits [1,16]", "i0", 0L),
                row("pack", "error: integral size (17) out of limits [1,16]", "i17", 0L),
                row("pack", "error: integral size (17) out of limits [1,16]", "!17", 0L),
                row("pack", "error: integral size (17) out of limits [1,16]", "Xi17"),
                row("pack", "error: invalid format option 'r'", "i3r", 0L),
                row("pack", "error: bad argument #1 (format asks for alignment not power of 2)", "!4i3", 0L),
                row("pack", "error: missing size for format option 'c'", "c", ""),
                row("pack", "error: bad argument #1 (invalid next option for option 'X')", "X"),
                row("pack", "error: bad argument #1 (invalid next option for option 'X')", "Xc1"),
                row("pack", "error: bad argument #1 (invalid next option for option 'X')", "X i"),
                row("pack", "error: bad argument #2 (integer overflow)", "i1", 200L),
                row("pack", "error: bad argument #2 (integer overflow)", "i1", -129L),
                row("pack", "error: bad argument #2 (unsigned overflow)", "I1", -1L),
                row("pack", "error: bad argument #2 (unsigned overflow)", "I1", 256L),
                row("pack", "error: bad argument #2 (unsigned overflow)", "<I7", 72057594037927936L),
                row("pack", "error: bad argument #2 (number has no integer representation)", "i2", 0x1.8p+0),
                row("pack", "error: bad argument #2 (string length does not fit in given size)", "s1", "x".repeat(256)),
                row("pack", "error: bad argument #2 (string contains zeros)", "z", "a\000b"),
                row("pack", "error: bad argument #2 (string longer than given size)", "c3", "1234"),
                row("pack", "error: bad argument #2 (number expected, got nil)", "i4"),
                row("pack", "error: invalid format option 'y'", "y"),
                row("pack", "error: bad argument #2 (string expected, got nil)", "c1" + "0".repeat(40)),
                row("pack", "error: bad argument #2 (number expected, got string)", "d", "x"),
                row("pack", "error: bad argument #2 (string expected, got table)", "z", new LuaTable()),
                row("pack", "error: invalid format option '\377'", "\377"),
                row("unpack", "255 2", "B", "\377"),
                row("unpack", "-128 2", "b", "\200"),
                row("unpack", "-32768 3", "<h", "\000\200"),
                row("unpack", "32768 3", ">H", "\200\000"),
                row("unpack", "197121 4", "<i3", "\001\002\003"),
                row("unpack", "-2 4", ">i3", "\377\377\376"),
                row("unpack", "-9223372036854775808 9", "<j", "\000\000\000\000\000\000\000\200"),
                row("unpack", "-1 9", "<J", "\377\377\377\377\377\377\377\377"),
                row("unpack", "-1 17", "<i16", "\377".repeat(16)),
                row("unpack", "170 17", "<I16", "\252\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"),
                row("unpack", "1 10", "<i9", "\001\000\000\000\000\000\000\000\000"),
                row("unpack", "error: 9-byte integer does not fit into Lua Integer", "<i9", "\001\000\000\000\000\000\000\000\001"),
                row("unpack", "error: 16-byte integer does not fit into Lua Integer", "i16", "\003".repeat(16)),
                row("unpack", "error: 9-byte integer does not fit into Lua Integer", ">i9", "\001\000\000\000\000\000\000\000\000"),
                row("unpack", "error: 9-byte integer does not fit into Lua Integer", "<i9", "\377\377\377\377\377\377\377\377\177"),
                row("unpack", "24f 5", "<f", "\000\000\300A"),
                row("unpack", "0.10000000000000001f 9", ">d", "?\271\231\231\231\231\231\232"),
                row("unpack", "-0f 9", "<n", "\000\000\000\000\000\000\000\200"),
                row("unpack", "\"hello\" 7", "z", "hello\000rest"),
                row("unpack", "\"abc\" 249 6", "zB", "abc\000\371"),
                row("unpack", "\"alo\" 5", "s1", "\003alo"),
                row("unpack", "\"alo\" 6", "<s2", "\003\000alo!"),
                row("unpack", "\"abc\" 4", "c3", "abcdef"),
                row("unpack", "\"\" 1", "c0", ""),
                row("unpack", "\"cd\" 5", "c2", "abcdef", 3L),
                row("unpack", "\"ef\" 7", "c2", "abcdef", -2L),
                row("unpack", "\"\" 4", "c0", "abc", 4L),
                row("unpack", "error: bad argument #3 (initial position out of string)", "c0", "abc", 5L),
                row("unpack", "\"abcdefghi\" \"xyz\" 14", "!4 z c3", "abcdefghi\000xyz"),
                row("unpack", "10 20 5", "<i2 >i2", "\n\000\000\024"),
                row("unpack", "\"\\244\" 100 200 -20 25", ">!8 c1 Xh i4 i8 b Xi8 XI XH", "\364\000\000\000\000\000\000d\000\000\000\000\000\000\000\310\354\000\000\000\000\000\000\000"),
                row("unpack", "1 2 3 4", "bbXdb", "\001\002\003\000"),
                row("unpack", "9", "!8 xXi8", "0123456701234567"),
                row("unpack", "2 9", "!4 i4", "\001\000\000\000\002\000\000\000", 2L),
                row("unpack", "2 9", "!4 i4", "\001\000\000\000\002\000\000\000", -4L),
                row("unpack", "error: bad argument #2 (data string too short)", "i4", "abc"),
                row("unpack", "error: bad argument #2 (data string too short)", "s", "\005\000\000\000\000\000\000\000abc"),
                row("unpack", "error: bad argument #2 (unfinished string for format 'z')", "z", "abc"),
                row("unpack", "error: bad argument #2 (unfinished string for format 'z')", "zc10000000", "alo"),
                row("unpack", "error: bad argument #2 (data string too short)", "c5", "abcd"),
                row("unpack", "error: bad argument #1 (invalid next option for option 'X')", "XXi", ""),
                row("unpack", "error: bad argument #1 (invalid next option for option 'X')", "X i", ""),
                row("unpack", "error: bad argument #3 (initial position out of string)", "i4", "abcd", 10L),
                row("unpack", "1684234849 5", "i4", "abcd", -10L),
                row("unpack", "error: bad argument #2 (string expected, got no value)", "i4"),
                row("unpack", "875770417 5", "i4", 12345678L),
                row("unpack", "error: bad argument #2 (data string too short)", "<s1", "\005abc"),
                row("unpack", "error: 9-byte integer does not fit into Lua Integer", "<s9", "\001\000\000\000\000\000\000\000\001x"),
                row("unpack", "error: bad argument #2 (data string too short)", "x", ""),
                row("packsize", "4", "i"),
                row("packsize", "8", "!xXi16"),
                row("packsize", "32", "<b h b f d f n i"),
                row("packsize", "2", "!8 xXi2"),
                row("packsize", "2", "!2 xXi8"),
                row("packsize", "16", "!16 xXi16"),
                row("packsize", "4", " b b Xd b Xb x"),
                row("packsize", "0", "c0"),
                row("packsize", "3", "<! c3"),
                row("packsize", "24", ">!8 b Xh i4 i8 c1 Xi8"),
                row("packsize", "error: bad argument #1 (variable-length format)", "s"),
                row("packsize", "error: bad argument #1 (variable-length format)", "z"),
                row("packsize", "error: invalid format option '0'", "c1" + "0".repeat(40)),
                row("packsize", "error: bad argument #1 (format result too large)", "c268435456c268435456c268435456c268435456c268435456c268435456c268435456c268435456"),
                row("packsize", "2147483647", "c268435456c268435456c268435456c268435456c268435456c268435456c268435456c268435455"),
                row("packsize", "error: integral size (17) out of limits [1,16]", "i17"),
                row("packsize", "error: invalid format option 'q'", "q"),
                row("packsize", "error: invalid format option '7'", "c2147483647c1"),
                row("packsize", "error: bad argument #1 (format asks for alignment not power of 2)", "!8 i3 d"),
                row("packsize", "8", "=I5 !4 h Xi4")
        );
    }

    private static Arguments row(String function, String expected, Object... args) {
        return Arguments.of(function, expected, args);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void packsAsLua(String function, String expected, Object[] args) {
        assertEquals(expected, call(function, args, 1_000_000));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void packsTheSameOneUnitOfFuelAtATime(String function, String expected, Object[] args) {
        assertEquals(expected, call(function, args, 1));
    }

    private static String call(String function, Object[] javaArgs, long fuel) {
        Object[] args = new Object[javaArgs.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = javaArgs[i] instanceof String ? bytes((String) javaArgs[i]) : javaArgs[i];
        }
        try {
            StringPack p = switch (function) {
                case "pack" -> StringPack.forPack(Heap.UNACCOUNTED, args);
                case "unpack" -> StringPack.forUnpack(Heap.UNACCOUNTED, args);
                default -> StringPack.forSize(Heap.UNACCOUNTED, args);
            };
            Action a;
            while (!((a = p.run(TestFuel.of(fuel))) instanceof Action.Return)) { }
            return render(((Action.Return) a).values());
        } catch (LuaError e) {
            return "error: " + message(e);
        }
    }

    @Test
    void aLongFormatPauses() {
        Object[] args = {bytes("i4".repeat(1000))};
        StringPack p = StringPack.forSize(Heap.UNACCOUNTED, args);
        Fuel fuel = TestFuel.of(100);
        assertInstanceOf(Action.Pause.class, p.run(fuel));
        assertTrue(fuel.remaining() == 0, "charged " + (100 - fuel.remaining()));
        Action a;
        while (!((a = p.run(TestFuel.of(100))) instanceof Action.Return)) { }
        assertEquals(4000L, ((Action.Return) a).values()[0]);
    }

    @Test
    void roundTripsEveryIntegerSize() {
        for (int size = 1; size <= 16; size++) {
            for (String endian : new String[] {"<", ">"}) {
                LuaString fmt = bytes(endian + "i" + size);
                long n = size >= 8 ? Long.MIN_VALUE + 12345 : -(1L << (size * 8 - 1)) + 3;
                Object packed = ((Action.Return) StringPack.forPack(Heap.UNACCOUNTED, new Object[] {fmt, n}).run(TestFuel.of(100))).values()[0];
                Object[] back = ((Action.Return) StringPack.forUnpack(Heap.UNACCOUNTED, new Object[] {fmt, packed}).run(TestFuel.of(100))).values();
                assertEquals(n, back[0], fmt.toString());
                assertEquals((long) size + 1, back[1]);
            }
        }
    }

    @Test
    void argumentsMustBeStringsOrNumbers() {
        assertEquals("error: bad argument #1 (string expected, got table)",
                call("packsize", new Object[] {new LuaTable()}, 100));
    }
}
