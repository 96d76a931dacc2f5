package dev.moonlet.lib;

import static dev.moonlet.lib.LuaValues.bytes;
import static dev.moonlet.lib.LuaValues.message;
import static dev.moonlet.lib.LuaValues.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.TestFuel;
import dev.moonlet.vm.Values;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code string.format} against lua5.4: each row is what lua5.4 answered (recorded by a
 * generator script) for a format and its arguments. {@code TOSTRING} is a table whose
 * {@code __tostring} returns {@code "nil!"}; the test plays the executor's part in calling it.
 */
class StringFormatTest {
    private static final Builtin FUNCTION = Builtin.of("f", (co, args) -> Values.NONE);
    private static final LuaTable TOSTRING = new LuaTable();

    static {
        LuaTable mt = new LuaTable();
        mt.put(LuaString.of("__tostring"), FUNCTION);
        TOSTRING.setMetatable(mt);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("\"42\"", "%d", 42L),
                row("\"   42\"", "%5d", 42L),
                row("\"42   |\"", "%-5d|", 42L),
                row("\"-0042\"", "%05d", -42L),
                row("\"+5\"", "%+d", 5L),
                row("\" 5\"", "% d", 5L),
                row("\"+5\"", "%+ d", 5L),
                row("\"007\"", "%.3d", 7L),
                row("\"\"", "%.0d", 0L),
                row("\"     |\"", "%5.0d|", 0L),
                row("\"-9\"", "%i", -9L),
                row("\"9223372036854775807\"", "%d", 9223372036854775807L),
                row("\"-9223372036854775808\"", "%d", Long.MIN_VALUE),
                row("\"3\"", "%d", 0x1.8p+1),
                row("\"10\"", "%d", "10"),
                row("\"16\"", "%d", " 0x10 "),
                row("\"18446744073709551615\"", "%u", -1L),
                row("\"10\"", "%o", 8L),
                row("\"010\"", "%#o", 8L),
                row("\"0\"", "%#o", 0L),
                row("\"0\"", "%#.0o", 0L),
                row("\"ff\"", "%x", 255L),
                row("\"FF\"", "%X", 255L),
                row("\"0xff\"", "%#x", 255L),
                row("\"0\"", "%#X", 0L),
                row("\"0x000000ff\"", "%#010x", 255L),
                row("\"FFFFFFFF\"", "%08X", 4294967295L),
                row("\"ffffffffffffffff\"", "%x", -1L),
                row("\"8000000000000000\"", "%x", Long.MIN_VALUE),
                row("\"0\"", "%x", 0x0p+0),
                row("\"00\"", "%02x", 0x0p+0),
                row("\"+0031501\"", "%+08d", 31501L),
                row("\"-0030927\"", "%+08d", -30927L),
                row("\"-000000000100\"", "%013i", -100L),
                row("\"-00100\"", "%2.5d", -100L),
                row("\"\"", "%.u", 0L),
                row("\"                                                                                                  1\"", "%99d", 1L),
                row("\"A\"", "%c", 65L),
                row("\"    A|\"", "%5c|", 65L),
                row("\"A    |\"", "%-5c|", 65L),
                row("\"B\"", "%c", 322L),
                row("\"\\000\\001\\255\"", "%c%c%c", 0L, 1L, 255L),
                row("\"a               \"", "%-16c", 97L),
                row("\"1.500000\"", "%f", 0x1.8p+0),
                row("\"2.67\"", "%.2f", 0x1.5666666666666p+1),
                row("\"0\"", "%.0f", 0x1p-1),
                row("\"2\"", "%.0f", 0x1.8p+0),
                row("\"2\"", "%.0f", 0x1.4p+1),
                row("\"    -3.142|\"", "%10.3f|", -0x1.921f9f01b866ep+1),
                row("\"3.142     |\"", "%-10.3f|", 0x1.921f9f01b866ep+1),
                row("\"+0.1\"", "%+.1f", 0x1.999999999999ap-5),
                row("\"-000001.50\"", "%010.2f", -0x1.8p+0),
                row("\"1.\"", "%#.0f", 1L),
                row("\"+000000000100.\"", "%+#014.0f", 100L),
                row("\"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000\"", "%f", 0x1.7e43c8800759cp+996),
                row("\"0.100000000000000005551115123125782702118158340454101562500000000000000000000000000000000000000000000\"", "%.99f", 0x1.999999999999ap-4),
                row("\"-0.000000\"", "%f", -0x0p+0),
                row("\"inf\"", "%f", Double.POSITIVE_INFINITY),
                row("\"-inf\"", "%f", Double.NEGATIVE_INFINITY),
                row("\"  inf\"", "%05f", Double.POSITIVE_INFINITY),
                row("\"-inf  |\"", "%-6f|", Double.NEGATIVE_INFINITY),
                row("\"+inf\"", "%+f", Double.POSITIVE_INFINITY),
                row("\" inf\"", "% f", Double.POSITIVE_INFINITY),
                row("\"0.000000e+00\"", "%e", 0L),
                row("\"1.234568e+04\"", "%e", 0x1.81cd6e631f8a1p+13),
                row("\"1e+04\"", "%.0e", 12345L),
                row("\"1.e+04\"", "%#.0e", 12345L),
                row("\"1.000000E-300\"", "%E", 0x1.56e1fc2f8f359p-997),
                row("\"9.999e+00\"", "%.3e", 0x1.3ffbe76c8b439p+3),
                row("\" -1.2300E-04|\"", "%12.4E|", -0x1.01f31f46ed246p-13),
                row("\"100000\"", "%g", 100000L),
                row("\"1e+06\"", "%g", 1000000L),
                row("\"0.0001\"", "%g", 0x1.a36e2eb1c432dp-14),
                row("\"1e-05\"", "%g", 0x1.4f8b588e368f1p-17),
                row("\"0.1\"", "%g", 0x1.999999999999ap-4),
                row("\"0.333333\"", "%g", 0x1.5555555555555p-2),
                row("\"1.23e+03\"", "%.3g", 0x1.34ap+10),
                row("\"1.00000\"", "%#g", 0x1p+0),
                row("\"1E-10\"", "%G", 0x1.b7cdfd9d7bdbbp-34),
                row("\"1e+02\"", "%.0g", 123L),
                row("\"+1.5\"", "%+.3G", 0x1.8p+0),
                row("\" 1e+03\"", "% .1g", 0x1p+10),
                row("\" 1E+02\"", "% 1.0E", 100L),
                row("\"9.007199254741e+15\"", "%.14g", 0x1p+53),
                row("\"0.10000000000000001\"", "%.17g", 0x1.999999999999ap-4),
                row("\"0x1p+0\"", "%a", 1L),
                row("\"0x1.999999999999ap-4\"", "%a", 0x1.999999999999ap-4),
                row("\"-0X1.FFP+7\"", "%A", -0x1.ffp+7),
                row("\"0x0p+0\"", "%a", 0x0p+0),
                row("\"-0x0p+0\"", "%a", -0x0p+0),
                row("\"0x1.0p+0\"", "%.1a", 0x1p+0),
                row("\"0x2p+0\"", "%.0a", 0x1.8p+0),
                row("\"0x1.922p+1\"", "%.3a", 0x1.921fb54442d18p+1),
                row("\"0x0.0000000000001p-1022\"", "%a", 0x0.0000000000001p-1022),
                row("\"0x1.1ccf385ebc8ap+1023\"", "%a", 0x1.1ccf385ebc8ap+1023),
                row("\"0x00001p+0\"", "%010a", 1L),
                row("\"+0X1.80P+3\"", "%+.2A", 12L),
                row("\"-0X1.8000P+3\"", "%.4A", -12L),
                row("\"0x1.p+0\"", "%#a", 1L),
                row("\"0x1p+1      |\"", "%-12a|", 2L),
                row("\"hello\"", "%s", "hello"),
                row("\"        hi|\"", "%10s|", "hi"),
                row("\"hi        |\"", "%-10s|", "hi"),
                row("\"he\"", "%.2s", "hello"),
                row("\"    x|\"", "%5.1s|", "xyz"),
                row("\"\"", "%.0s", "alo"),
                row("\"\"", "%.s", "alo"),
                row("\"1.5\"", "%s", 0x1.8p+0),
                row("\"10\"", "%s", 10L),
                row("\"1e+100\"", "%s", 0x1.249ad2594c37dp+332),
                row("\"-0.0\"", "%s", -0x0p+0),
                row("\"nil true\"", "%s %s", null, true),
                row("\"false true\"", "%s %.4s", false, true),
                row("\"fal tru\"", "%.3s %.3s", false, true),
                row("\"a\\000b\"", "%s", "a\000b"),
                row("error: bad argument #2 (string contains zeros)", "%10s", "a\000b"),
                row("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", "%s", "x".repeat(150)),
                row("\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"", "%5s", "y".repeat(120)),
                row("\"zzz\"", "%.3s", "z".repeat(120)),
                row("\"nil!\"", "%s", TOSTRING),
                row("\" nil!|\"", "%5s|", TOSTRING),
                row("\"\\034hello\\034\"", "%q", "hello"),
                row("\"\\034a \\092\\034quoted\\092\\034 \\092\\092 string\\092\\010\\034\"", "%q", "a \"quoted\" \\ string\n"),
                row("\"\\034\\0920\\0921\\0920023\\09213\\0929\\092127\\200\\255\\034\"", "%q", "\000\001\0023\015\t\177\310\377"),
                row("\"\\034\\0920009\\034\"", "%q", "\0009"),
                row("\"0x1.5555555555555p-2\"", "%q", 0x1.5555555555555p-2),
                row("\"0x1p+0\"", "%q", 0x1p+0),
                row("\"-0x0p+0\"", "%q", -0x0p+0),
                row("\"1e9999\"", "%q", Double.POSITIVE_INFINITY),
                row("\"-1e9999\"", "%q", Double.NEGATIVE_INFINITY),
                row("\"(0/0)\"", "%q", Double.NaN),
                row("\"42\"", "%q", 42L),
                row("\"0x8000000000000000\"", "%q", Long.MIN_VALUE),
                row("\"9223372036854775807\"", "%q", 9223372036854775807L),
                row("\"nil\"", "%q", null),
                row("\"true\"", "%q", true),
                row("\"false\"", "%q", false),
                row("\"0x1p+63\"", "%q", 0x1p+63),
                row("\"0x0.012688b70e62bp-1022\"", "%q", 0x0.012688b70e62bp-1022),
                row("\"%\"", "%%"),
                row("\"100% sure 5%\"", "100%% sure %d%%", 5L),
                row("\"\"", ""),
                row("\"plain text\"", "plain text"),
                row("\"\\000\\228\\000b8c\\000\"", "\000%c\000%c%x\000", 228L, 98L, 140L),
                row("\"not be\\000 is not \\000be\"", "%s\000 is not \000%s", "not be", "be"),
                row("\"(null)\"", "%p", 4L),
                row("\"(null)\"", "%p", true),
                row("\"(null)\"", "%p", null),
                row("\"    (null)|\"", "%10p|", false),
                row("\"(null)      |\"", "%-12p|", 0x1.8p+0),
                row("\"a    002.2 +7\"", "%-5.1s%05.1f%+3d", "abc", 0x1.2p+1, 7L),
                row("error: invalid conversion specification: '%100.3d'", "%100.3d", 10L),
                row("error: invalid conversion specification: '%1.100d'", "%1.100d", 10L),
                row("error: invalid conversion '%t' to 'format'", "%t", 10L),
                row("error: bad argument #3 (no value)", "%d %d", 10L),
                row("error: invalid conversion specification: '%010c'", "%010c", 10L),
                row("error: invalid conversion specification: '%.10c'", "%.10c", 10L),
                row("error: invalid conversion specification: '%0.34s'", "%0.34s", "x"),
                row("error: invalid conversion specification: '%#i'", "%#i", 10L),
                row("error: invalid conversion specification: '%3.1p'", "%3.1p", 10L),
                row("error: invalid conversion specification: '%0.s'", "%0.s", "x"),
                row("error: specifier '%q' cannot have modifiers", "%10q", 10L),
                row("error: invalid conversion '%F' to 'format'", "%F", 10L),
                row("error: invalid conversion '%' to 'format'", "%", 1L),
                row("error: bad argument #2 (no value)", "abc%"),
                row("error: bad argument #2 (no value)", "%d"),
                row("error: invalid conversion '%y' to 'format'", "%y", 1L),
                row("error: invalid conversion specification: '%5.2.3f'", "%5.2.3f", 1L),
                row("error: invalid conversion specification: '%-#5d'", "%-#5d", 1L),
                row("error: invalid conversion specification: '%+x'", "%+x", 1L),
                row("error: invalid conversion specification: '%0s'", "%0s", "a"),
                row("error: invalid conversion specification: '%05s'", "%05s", "a"),
                row("error: invalid format (too long)", "%1" + "0".repeat(30) + "d", 1L),
                row("error: invalid conversion '%' to 'format'", "%\000d", 1L),
                row("error: bad argument #2 (number has no integer representation)", "%d", 0x1.8p+0),
                row("error: bad argument #2 (number expected, got string)", "%d", "x"),
                row("error: bad argument #2 (number has no integer representation)", "%d", "1.5"),
                row("error: bad argument #2 (number has no integer representation)", "%x", 0x1p+63),
                row("error: bad argument #2 (number expected, got string)", "%f", "x"),
                row("error: bad argument #2 (number expected, got table)", "%f", new LuaTable()),
                row("error: bad argument #2 (number expected, got string)", "%c", "x"),
                row("error: bad argument #2 (number has no integer representation)", "%c", 0x1.8p+0),
                row("error: bad argument #2 (string contains zeros)", "%10s", "\000"),
                row("error: bad argument #2 (value has no literal form)", "%q", new LuaTable()),
                row("error: bad argument #2 (value has no literal form)", "%q", FUNCTION),
                row("error: invalid conversion specification: '%10.123f'", "%10.123f", 1L),
                row("error: bad argument #2 (number expected, got nil)", "%i", null),
                row("error: bad argument #2 (number expected, got string)", "%a", "abc"),
                row("error: bad argument #2 (number expected, got boolean)", "%g", true),
                row("error: invalid conversion '%l' to 'format'", "%ll", 1L),
                row("error: invalid conversion '%h' to 'format'", "%hd", 1L)
        );
    }

    private static Arguments row(String expected, Object... args) {
        return Arguments.of(expected, args);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void formatsAsLua(String expected, Object[] args) {
        assertEquals(expected, format(1_000_000, args));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void formatsTheSameOneUnitOfFuelAtATime(String expected, Object[] args) {
        assertEquals(expected, format(1, args));
    }

    /** Runs a format to its end, answering {@code "nil!"} for each {@code __tostring} call. */
    private static String format(long fuel, Object[] javaArgs) {
        Object[] args = new Object[javaArgs.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = javaArgs[i] instanceof String ? bytes((String) javaArgs[i]) : javaArgs[i];
        }
        try {
            StringFormat f = new StringFormat(new Instance(), Args.checkString(args, 0), args);
            Action a;
            while (!((a = f.run(TestFuel.of(fuel))) instanceof Action.Return)) {
                if (a instanceof Action.Call call && call.function() == FUNCTION) f.tostringResult(bytes("nil!"));
            }
            return render(((Action.Return) a).values());
        } catch (LuaError e) {
            return "error: " + message(e);
        }
    }

    @Test
    void aLongFormatPausesAndChargesForItsOutput() {
        Object[] args = new Object[201];
        args[0] = bytes("%99d".repeat(200));
        for (int i = 1; i <= 200; i++) args[i] = (long) i;
        StringFormat f = new StringFormat(new Instance(), (LuaString) args[0], args);
        Fuel fuel = TestFuel.of(100);
        Action a = f.run(fuel);
        assertInstanceOf(Action.Pause.class, a);
        assertTrue(fuel.remaining() <= 0 && fuel.remaining() > -10, "charged " + (100 - fuel.remaining()));
        int polls = 1;
        while (!((a = f.run(TestFuel.of(100))) instanceof Action.Return)) polls++;
        assertTrue(polls > 5, "only " + polls + " polls");
        assertEquals(99 * 200, ((LuaString) ((Action.Return) a).values()[0]).length());
    }

    @Test
    void pointersAreObjectIdentities() {
        Instance instance = new Instance();
        LuaTable t1 = new LuaTable();
        LuaTable t2 = new LuaTable();
        assertTrue(!pointer(instance, t1).equals(pointer(instance, t2)));
        assertEquals(pointer(instance, t1), pointer(instance, t1));
        assertTrue(pointer(instance, t1).startsWith("\"0x"));
        // equal short strings share an address; long ones need not
        assertEquals(pointer(instance, bytes("a".repeat(10))), pointer(instance, bytes("aa".repeat(5))));
        assertTrue(!pointer(instance, bytes("a".repeat(300))).equals(pointer(instance, bytes("a".repeat(300)))));
    }

    private static String pointer(Instance instance, Object v) {
        Object[] args = {bytes("%p"), v};
        StringFormat f = new StringFormat(instance, (LuaString) args[0], args);
        return render(((Action.Return) f.run(TestFuel.of(100))).values());
    }
}
