package dev.moonlet.compiler;

import static dev.moonlet.compiler.Compiled.code;
import static dev.moonlet.compiler.Compiled.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Constant folding: arithmetic and bitwise operators on numerals are evaluated at compile
 * time exactly as Lua does (integer arithmetic wraps, floats keep their value), and never when
 * the operation could fail or produce NaN or a zero float.
 */
class CompilerFoldingTest {

    /** {@code local x = EXPR} compiles to the single load {@code load} (a constant shown as its value). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1 + 2                 ; LOADI 0 3",
        "7 // 2                ; LOADI 0 3",
        "-7 // 2               ; LOADI 0 -4",
        "7 % -3                ; LOADI 0 -2",
        "-7 % 3                ; LOADI 0 2",
        "2 * 3.5               ; LOADF 0 7",
        "1 / 2                 ; K 0.5",
        "3 / 1                 ; LOADF 0 3",
        "2 ^ 10                ; LOADF 0 1024",
        "2 ^ 0.5               ; K 1.4142135623731",
        "-4 % -5.0             ; LOADF 0 -4",
        "-7.5 % 2              ; K 0.5",
        "5.5 // 2              ; LOADF 0 2",
        "-(-3)                 ; LOADI 0 3",
        "- - 1.5               ; K 1.5",
        "~0                    ; LOADI 0 -1",
        "~5.0                  ; LOADI 0 -6",
        "3 & 5                 ; LOADI 0 1",
        "3 | 4.0               ; LOADI 0 7",
        "3 ~ 5                 ; LOADI 0 6",
        "1 << 4                ; LOADI 0 16",
        "1 << 63               ; K -9223372036854775808",
        "1 << 64               ; LOADI 0 0",
        "-1 >> 60              ; LOADI 0 15",
        "1 >> -2               ; LOADI 0 4",
        "math.maxinteger       ; GETTABUP 0 0 0",
        "9223372036854775807 + 1 ; K -9223372036854775808",
        "-9223372036854775807 - 2 ; K 9223372036854775807",
        "2^63                  ; K 9.2233720368548e+18",
        "1e308 * 10            ; K inf",
        "(1 + 2) * 3           ; LOADI 0 9",
        "2 + 3 * 4 ^ 2         ; LOADF 0 50",
    })
    void foldsToOneLoad(String expr, String load) {
        Proto p = compile("local x = " + expr);
        List<String> c = code(p);
        String actual = c.get(1);
        if (load.startsWith("K ")) {
            assertEquals("LOADK 0 0", actual);
            assertEquals(load.substring(2), constantText(p.constants[0]));
        } else {
            assertEquals(load, actual);
        }
    }

    /** Operations that could raise an error or lose information stay for run time. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1 // 0        ; IDIVK",
        "1 % 0         ; MODK",
        "1.0 / 0       ; DIVK",
        "1 / 0.0       ; DIVK",
        "0.0 / 0.0     ; DIVK",
        "1 % -0.0      ; MOD",
        "-(0.0)        ; UNM",
        "0.0 * -1      ; MULK",
        "1.5 & 1       ; BANDK",
        "1 | 2.5       ; BORK",
        "~1.5          ; BNOT",
        "2^53 ~ 0.5    ; BXOR",
        "'1' + 1       ; ADDI",
        "\"a\" .. 1    ; CONCAT",
    })
    void doesNotFold(String expr, String op) {
        List<String> c = code("local x = " + expr);
        String last = c.get(c.size() - 2);
        assertEquals(op, last.split(" ")[0], c.toString());
    }

    private static String constantText(Object k) {
        if (k instanceof Double d) return dev.moonlet.value.LuaNumber.toLuaString(d).toString();
        return String.valueOf(k);
    }
}
