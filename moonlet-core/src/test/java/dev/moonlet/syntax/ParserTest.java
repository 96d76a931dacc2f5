package dev.moonlet.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser on well-formed programs: the tree it builds (shown in {@link PrefixForm}), the
 * values of literals, the lines on nodes, and the nesting limit. Malformed programs are in
 * {@link SyntaxErrorCorpusTest}.
 */
class ParserTest {
    private static final LuaString STDIN = LuaString.of("=stdin");

    /** Source text as bytes one to one, so that "\u00e9" is the single byte 0xE9. */
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Chunk parse(String src) {
        return Parser.parse(bytes(src), STDIN);
    }

    private static String show(String src) {
        return PrefixForm.of(parse(src));
    }

    private static String lines(String src) {
        return PrefixForm.withLines(parse(src));
    }

    /** The first value of {@code return src}. */
    private static Expr expr(String src) {
        Stat.Return r = (Stat.Return) parse("return " + src).main().body().stats().get(0);
        return r.values().get(0);
    }

    private static String error(String src) {
        LuaError e = assertThrows(LuaError.class, () -> parse(src));
        return new String(((LuaString) e.value()).rawBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String stringValue(String literal) {
        return PrefixForm.quote(((Expr.Str) expr(literal)).value());
    }

    // ---------------------------------------------------------------- precedence

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "1 + 2 * 3                => (+ 1 (* 2 3))",
        "1 * 2 + 3                => (+ (* 1 2) 3)",
        "1 - 2 - 3                => (- (- 1 2) 3)",
        "a // b % c * d / e       => (/ (* (% (// a b) c) d) e)",
        "2 ^ 3 ^ 2                => (^ 2 (^ 3 2))",
        "-2 ^ 2                   => (- (^ 2 2))",
        "2 ^ -3                   => (^ 2 (- 3))",
        "-x ^ y ^ z               => (- (^ x (^ y z)))",
        "2 ^ 3 * 4                => (* (^ 2 3) 4)",
        "not a ^ b                => (not (^ a b))",
        "- - a                    => (- (- a))",
        "not not a                => (not (not a))",
        "#t + 1                   => (+ (# t) 1)",
        "~a ~ b                   => (~ (~ a) b)",
        "-a .. b                  => (.. (- a) b)",
        "a .. b .. c              => (.. a (.. b c))",
        "1 + 2 .. 3 + 4           => (.. (+ 1 2) (+ 3 4))",
        "a .. b == c              => (== (.. a b) c)",
        "a << b .. c              => (<< a (.. b c))",
        "a >> b + c               => (>> a (+ b c))",
        "a << b >> c              => (>> (<< a b) c)",
        "a & b << c               => (& a (<< b c))",
        "a ~ b & c                => (~ a (& b c))",
        "a | b ~ c                => (| a (~ b c))",
        "a | b ~ c & d << e .. f  => (| a (~ b (& c (<< d (.. e f)))))",
        "a & b == c               => (== (& a b) c)",
        "a < b == c               => (== (< a b) c)",
        "a >= b ~= c <= d         => (<= (~= (>= a b) c) d)",
        "a + b < c .. d           => (< (+ a b) (.. c d))",
        "a == b and c             => (and (== a b) c)",
        "a and b or c and d       => (or (and a b) (and c d))",
        "a or b and c             => (or a (and b c))",
        "a or b or c              => (or (or a b) c)",
        "not a == b               => (== (not a) b)",
        "not a and b              => (and (not a) b)",
        "(a or b) and c           => (and (paren (or a b)) c)",
        "(a + b) * c              => (* (paren (+ a b)) c)",
        "a + (b)                  => (+ a (paren b))",
        "a > b                    => (> a b)",
        "a - -b                   => (- a (- b))",
        "a // -b ^ 2              => (// a (- (^ b 2)))",
    })
    void operatorsFollowLuasPriorities(String source, String tree) {
        assertEquals(tree, PrefixForm.of(expr(source)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.b.c              | (index (index a \"b\") \"c\")",
        "a[b][c]            | (index (index a b) c)",
        "a[b + 1].c         | (index (index a (+ b 1)) \"c\")",
        "f(a)(b)            | (call (call f a) b)",
        "f()                | (call f)",
        "f(a, b, ...)       | (call f a b ...)",
        "f\"s\"             | (call f \"s\")",
        "f[[s]]             | (call f \"s\")",
        "f{1}               | (call f (table 1))",
        "a:m(1)             | (method a m 1)",
        "a:m\"s\"           | (method a m \"s\")",
        "a:m{}              | (method a m (table))",
        "a.b:m(1):n(2).c    | (index (method (method (index a \"b\") m 1) n 2) \"c\")",
        "(f())              | (paren (call f))",
        "(...)              | (paren ...)",
        "(a).b              | (index (paren a) \"b\")",
        "('x'):rep(3)       | (method (paren \"x\") rep 3)",
        "{}                 | (table)",
        "{1, 2; 3,}         | (table 1 2 3)",
        "{x = 1, [2] = 3}   | (table (x = 1) ([ 2 ] = 3))",
        "{x, y = x; f()}    | (table x (y = x) (call f))",
        "{[a.b] = {c}}      | (table ([ (index a \"b\") ] = (table c)))",
        "function() end     | (function () [])",
        "function(a, ...) return ... end | (function (a ...) [(return ...)])",
        "nil                | nil",
        "true               | true",
        "false              | false",
    })
    void suffixesAndSimpleExpressions(String source, String tree) {
        assertEquals(tree, PrefixForm.of(expr(source)));
    }

    // ---------------------------------------------------------------- statements

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "local x                           | (local x)",
        "local x, y = 1                    | (local x y = 1)",
        "local a <const>, b <close> = 1, 2 | (local a<const> b<close> = 1 2)",
        "local a<const> = 1                | (local a<const> = 1)",
        "x = 1                             | (set x = 1)",
        "a, b.c, d[1] = 1, 2               | (set a (index b \"c\") (index d 1) = 1 2)",
        "(a).b = 1                         | (set (index (paren a) \"b\") = 1)",
        "f()                               | (call f)",
        "a.b:c 'x'                         | (method (index a \"b\") c \"x\")",
        "do end                            | (do [])",
        "do local x end                    | (do [(local x)])",
        "while x do f() end                | (while x [(call f)])",
        "repeat local y until y            | (repeat [(local y)] y)",
        "if a then end                     | (if a [])",
        "if a then x() elseif b then y() else z() end | (if a [(call x)] elseif b [(call y)] else [(call z)])",
        "if a then break end               | (if a [(break)])",
        "if a then break; ; x() end        | (if a [(break) (call x)])",
        "for i = 1, 10 do end              | (for i 1 10 [])",
        "for i = 10, 1, -1 do f(i) end     | (for i 10 1 (- 1) [(call f i)])",
        "for k in next, t do end           | (forin k in next t [])",
        "for k, v in pairs(t) do end       | (forin k v in (call pairs t) [])",
        "function f() end                  | (function f () [])",
        "function a.b.c(x, ...) end        | (function (index (index a \"b\") \"c\") (x ...) [])",
        "function a.b:c(x) end             | (function (index (index a \"b\") \"c\") (self x) [])",
        "function o:m(...) return self end | (function (index o \"m\") (self ...) [(return self)])",
        "local function f(a, b) end        | (local-function f (a b) [])",
        "return                            | (return)",
        "return;                           | (return)",
        "return 1, 2;                      | (return 1 2)",
        "while 1 do break end              | (while 1 [(break)])",
        "goto done ::done::                | (goto done) (label done)",
        "::a:: ; ::b:: x = 1               | (label a) (label b) (set x = 1)",
        ";;; x = 1 ;;                      | (set x = 1)",
        "x = 1 y = 2                       | (set x = 1) (set y = 2)",
        "do return end                     | (do [(return)])",
        "return f()                        | (return (call f))",
    })
    void everyStatementForm(String source, String tree) {
        assertEquals(tree, show(source));
    }

    @Test
    void aMainChunkIsAVarargFunction() {
        FunctionBody main = parse("return ...").main();
        assertTrue(main.isVararg());
        assertTrue(main.params().isEmpty());
        assertEquals(0, main.line());
    }

    @Test
    void varargIsAllowedOnlyInVarargFunctions() {
        assertEquals("(local-function f (...) [(return (function () [(return 1)]) ...)])",
                show("local function f(...) return function() return 1 end, ... end"));
        assertEquals("stdin:1: cannot use '...' outside a vararg function near '...'",
                error("local function f(...) return function() return ... end end"));
        assertEquals("(function (index a \"b\") (...) [(return ...)])",
                show("function a.b(...) return ... end"));
    }

    @Test
    void methodsGetSelfFirst() {
        Stat.FunctionStat f = (Stat.FunctionStat) parse("function a:m(x) end").main().body()
                .stats().get(0);
        assertEquals("[self, x]", f.body().params().toString());
        assertFalse(f.body().isVararg());
    }

    @Test
    void aNameFollowedByEqualsInATableIsAField() {
        assertEquals("(set t = (table (a = b) c (== d e)))", show("t = {a = b, c, d == e}"));
    }

    // ---------------------------------------------------------------- strings

    /** Asserts that the Lua string literal {@code literal} has the bytes quoted in {@code value}. */
    private static void assertString(String value, String literal) {
        assertEquals(value, stringValue(literal), literal);
    }

    @Test
    void shortStringsDecodeEveryEscape() {
        assertString("\"abc\"", "\"abc\"");
        assertString("\"abc\"", "'abc'");
        assertString("\"\\034'\\034\"", "'\"\\'\"'");
        assertString("\"\\007\\008\\012\\010\\013\\009\\011\"", "\"\\a\\b\\f\\n\\r\\t\\v\"");
        assertString("\"\\092\\034'\"", "\"\\\\\\\"\\'\"");
        assertString("\"AB\\0067\"", "\"\\65\\066\\0067\"");
        assertString("\"\\000\\000\\000\\255\\000a\"", "\"\\0\\00\\000\\255\\0a\"");
        assertString("\"AJ\\255\"", "\"\\x41\\x4a\\xfF\"");
        assertString("\"A\\000A\"", "\"\\u{41}\\u{0}\\u{00000041}\"");
        assertString("\"\\127\\194\\128\\223\\191\\224\\160\\128\"",
                "\"\\u{7F}\\u{80}\\u{7FF}\\u{800}\"");
        assertString("\"\\239\\191\\191\\240\\144\\128\\128\\244\\143\\191\\191\"",
                "\"\\u{FFFF}\\u{10000}\\u{10FFFF}\"");
        assertString("\"\\248\\136\\128\\128\\128\"", "\"\\u{200000}\"");
        assertString("\"\\252\\132\\128\\128\\128\\128\"", "\"\\u{4000000}\"");
        assertString("\"\\253\\191\\191\\191\\191\\191\"", "\"\\u{7FFFFFFF}\"");
        assertString("\"ab\"", "\"a\\z   \n\t\u000b\f\r  b\"");
        assertString("\"a\"", "\"a\\z\"");
        assertString("\"a\\010b\"", "\"a\\\nb\"");
        assertString("\"a\\010b\"", "\"a\\\r\nb\"");
        assertString("\"a\\010b\"", "\"a\\\n\rb\"");
        assertString("\"a\\010b\"", "\"a\\\rb\"");
        assertString("\"a\\010\\010b\"", "\"a\\\n\\\nb\"");
        assertString("\"\\233\\000\\001\"", "\"\u00e9\u0000\u0001\"");
    }

    @Test
    void longStringsSkipAFirstNewlineAndKeepTheRest() {
        assertString("\"abc\"", "[[abc]]");
        assertString("\"abc\"", "[[\nabc]]");
        assertString("\"abc\"", "[[\r\nabc]]");
        assertString("\"abc\"", "[[\n\rabc]]");
        assertString("\"\\010abc\"", "[[\n\nabc]]");
        assertString("\"a\\010b\\010c\\010d\\010e\"", "[[a\r\nb\n\rc\rd\ne]]");
        assertString("\"a]]b]=]c\"", "[==[a]]b]=]c]==]");
        assertString("\"\\092n]]\"", "[=[\\n]]]=]");
        assertString("\"\"", "[[]]");
        assertString("\"\"", "[[\n]]");
        assertString("\"[[x]]\"", "[===[[[x]]]===]");
    }

    @Test
    void commentsAreSkipped() {
        assertEquals("(set x = 1) (set y = 2) (set z = 3)",
                show("x = 1 -- one\n--[[ long\ncomment ]] y = 2 --[==[ ]] ]==] z = 3 --"));
        assertEquals("(set x = 1)", show("--[ not long\nx = 1"));
        assertEquals("(set x = 1)", show("--[=\nx = 1"));
    }

    // ---------------------------------------------------------------- numerals

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                       | 0",
        "42                      | 42",
        "0x10                    | 16",
        "0XfF                    | 255",
        "9223372036854775807     | 9223372036854775807",
        "0x7fffffffffffffff      | 9223372036854775807",
        "0xffffffffffffffff      | -1",
        "0x10000000000000001     | 1",
        "9223372036854775808     | 9.223372036854776E18",
        "3.                      | 3.0",
        ".5                      | 0.5",
        "3.25                    | 3.25",
        "1e+10                   | 1.0E10",
        "1E2                     | 100.0",
        "5e-1                    | 0.5",
        "0x1p4                   | 16.0",
        "0x.8                    | 0.5",
        "0xA.8p1                 | 21.0",
        "0X1P-1                  | 0.5",
        "0x1.                    | 1.0",
        "1e400                   | Infinity",
        "007                     | 7",
    })
    void numerals(String numeral, String value) {
        assertEquals(value, PrefixForm.of(expr(numeral)));
    }

    @Test
    void hexadecimalIntegersWrapAround() {
        assertEquals("(+ 9223372036854775807 1)", PrefixForm.of(expr("0x7fffffffffffffff+1")));
        assertInstanceOf(Expr.Int.class, expr("0x7fffffffffffffff"));
        assertInstanceOf(Expr.Flt.class, expr("9223372036854775808"));
    }

    @Test
    void aNumeralEndsWhereTheGrammarSaysSo() {
        assertEquals("(- 3 4)", PrefixForm.of(expr("3-4")));
        assertEquals("(- 14 1)", PrefixForm.of(expr("0xe-1")));
        assertEquals("(.. 1 2)", PrefixForm.of(expr("1 .. 2")));
        assertEquals("stdin:1: malformed number near '1..2'", error("return 1..2"));
    }

    // ---------------------------------------------------------------- lines

    @Test
    void nodesCarryTheLinesLuaAttachesToTheirInstructions() {
        assertEquals("(set@3 x@1 =@1 (+@2 a@1 b@3))", lines("x = a\n+\nb"));
        assertEquals("(local@3 x = (not@1 (-@2 a@3)))", lines("local x = not\n-\na"));
        assertEquals("(call@2 f@1 1@3)@3", lines("f\n(\n1)"));
        assertEquals("(call@3 (index@2 a@1 \"b\"@2) \"s\"@3)@3", lines("a\n.b\n's'"));
        assertEquals("(method@3 obj@1 m@2 (table@3^2)@3)@3", lines("obj:\nm\n{}"));
        assertEquals("(set@3 x@1 =@1 (index@3 t@2 k@2))", lines("x =\nt[k\n]\n;"));
        assertEquals("(return@3 1@2 (paren@3 2@3)@3)", lines("return\n1,\n(2)\n;"));
        assertEquals("(return@1)", lines("return\n\n"));
        assertEquals("(set@2 t@1 =@1 (table@1^1 1@1 (x@2 = 2@2) ([@2 3@2 ] = 4@2))@2)",
                lines("t = {1,\nx = 2, [3] = 4}"));
    }

    @Test
    void closingTokensSeparatorsAndTheTokensBeforeTablesAndVarargsCarryTheirLines() {
        // Lua codes what follows a ')' or '}' on its line, a NEWTABLE or VARARG on the line of
        // the token before the '{' or '...', and checks an assignment's targets at the ',' or
        // '=' after each.
        assertEquals("(call@1 f@1 (table@2^1 ...@3^2)@4)@5", lines("f(\n{\n...\n}\n)"));
        assertEquals("(set@4 x@1 =@2 (paren@3 (call@3 f@3)@3)@4)", lines("x\n=\n(f()\n)"));
        assertEquals("(method@2 o@1 m@2 1@3)@4", lines("o:\nm(\n1\n)"));
        assertEquals("(set@5 x@1 ,@2 y@3 =@4 1@5)", lines("x\n,\ny\n=\n1"));
        assertEquals("(return@3 (function@1 1-3 (a ...@2) []@3))",
                lines("return function(a,\n...)\nend"));
    }

    @Test
    void statementsStartAtTheirFirstTokenExceptGenericForAndGoto() {
        assertEquals("(while@1 x@1 do@1 [(call@2 f@2)@2]@3)", lines("while x do\nf()\nend"));
        assertEquals("(while@1 x@2 do@3 []@3)", lines("while\nx\ndo end"));
        assertEquals("(if@1 a@1 then@1 [(break@1)]@2 elseif b@2 then@2 []@2 else []@3)",
                lines("if a then break\nelseif b then else\nend"));
        assertEquals("(if@1 a@2 then@3 []@4 elseif b@4 then@5 []@5)",
                lines("if\na\nthen\nelseif b\nthen end"));
        assertEquals("(repeat@1 []@2 x@2)", lines("repeat\nuntil x"));
        assertEquals("(for@1 i 1@1 2@2 do@2 []@3)", lines("for i = 1,\n2 do\nend"));
        assertEquals("(for@1 i 1@1 2@1 do@2 []@2)", lines("for i = 1, 2\ndo end"));
        assertEquals("(forin@3 k in (call@3 pairs@3 t@3)@3 do@4 []@5)",
                lines("for k\nin\npairs(t)\ndo\nend"));
        assertEquals("(goto@2 x) (label@3 x) (do@4 [(break@5)]@6)",
                lines("goto\nx\n::x::\ndo\nbreak\nend"));
    }

    @Test
    void functionsCarryLineDefinedAndTheirEnd() {
        // linedefined: the 'function' keyword of a statement, else the token after it
        // (after the name for 'local function'); a body block ends at the next token.
        assertEquals("(function@1 f@2 1-4 () []@6) (set@7 x@6 =@7 1@7)",
                lines("function\nf\n()\nend\n\nx\n=1"));
        assertEquals("(local-function@1 f 2-3 () []@4) (return@4)",
                lines("local function f\n()\nend\nreturn"));
        assertEquals("(return@3 (function@1 2-3 () [(return@2)]@3))",
                lines("return function\n() return\nend"));
        FunctionBody main = parse("x = 1\n\n").main();
        assertEquals(1, main.endLine());
        assertEquals(3, main.body().endLine());
    }

    @Test
    void lineBreaksOfEveryKindCountOnce() {
        assertEquals("(set@4 x@4 =@4 1@4)", lines("\r\n\n\r\r\nx = 1"));
        assertEquals("(set@4 x@3 =@3 \"a\\010b\"@4)", lines("--[[\r\n]]\n\rx = [[a\r\nb]]"));
        assertEquals("(set@2 x@1 =@1 \"ab\"@2)", lines("x = 'a\\z\n\r b'"));
    }

    @Test
    void chunkNameAppearsInMessages() {
        LuaError e = assertThrows(LuaError.class, () ->
                Parser.parse(bytes("x = = 1"), LuaString.of("x = = 1")));
        assertEquals("[string \"x = = 1\"]:1: unexpected symbol near '='", e.getMessage());
    }

    // ---------------------------------------------------------------- nesting

    private static final int HUGE = 100_000;

    /** Runs {@code r} on a thread with a 256 KiB stack and returns what it threw, if anything. */
    private static Throwable onSmallStack(Runnable r) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }

    /** Programs nesting one construct {@code n} times. */
    private static Map<String, IntFunction<String>> nestings() {
        Map<String, IntFunction<String>> m = new LinkedHashMap<>();
        m.put("parentheses", n -> "x = " + "(".repeat(n) + "1" + ")".repeat(n));
        m.put("blocks", n -> "do ".repeat(n) + "end ".repeat(n));
        m.put("tables", n -> "x = " + "{".repeat(n) + "}".repeat(n));
        m.put("function bodies", n -> "x = " + "function() return ".repeat(n) + "1"
                + " end".repeat(n));
        m.put("function statements", n -> "function f() ".repeat(n) + "end ".repeat(n));
        m.put("local functions", n -> "local function f() ".repeat(n) + "end ".repeat(n));
        m.put("ifs", n -> "if a then ".repeat(n) + "end ".repeat(n));
        m.put("whiles", n -> "while a do ".repeat(n) + "end ".repeat(n));
        m.put("repeats", n -> "repeat ".repeat(n) + "until a ".repeat(n));
        m.put("calls", n -> "x = " + "f(".repeat(n) + "1" + ")".repeat(n));
        m.put("method calls", n -> "x = " + "o:m(".repeat(n) + "1" + ")".repeat(n));
        m.put("indexes", n -> "x = " + "a[".repeat(n) + "1" + "]".repeat(n));
        m.put("unary operators", n -> "x = " + "- ".repeat(n) + "1");
        m.put("concatenations", n -> "x = " + "a .. ".repeat(n) + "a");
        m.put("assignment targets", n -> "a" + ", a".repeat(n) + " = 1");
        m.put("table fields", n -> "x = " + "{a = ".repeat(n) + "1" + "}".repeat(n));
        return m;
    }

    /**
     * Nested {@code for} loops reach the 200-local limit (each level declares its control
     * slots) before the nesting limit, and fail during parsing as lua5.4 does.
     */
    @Test
    void nestedForsHitTheLocalLimitFirst() {
        LuaError numeric = assertThrows(LuaError.class,
                () -> parse("for i = 1, 2 do ".repeat(60) + "end ".repeat(60)));
        assertEquals("stdin:1: too many local variables (limit is 200) in main function near '='",
                numeric.getMessage());
        LuaError generic = assertThrows(LuaError.class,
                () -> parse("local function f()\n" + "for k, v in t do ".repeat(40) + "end ".repeat(40)));
        assertEquals("stdin:2: too many local variables (limit is 200) in function at line 1 near ','",
                generic.getMessage());
    }

    @Test
    void hugeNestingIsCStackOverflowEvenOnASmallStack() throws InterruptedException {
        for (var e : nestings().entrySet()) {
            String src = e.getValue().apply(HUGE);
            Throwable t = onSmallStack(() -> parse(src));
            assertInstanceOf(LuaError.class, t, e.getKey());
            assertEquals("C stack overflow", t.getMessage(), e.getKey());
        }
    }

    @Test
    void everyNestingUpToTheLimitParsesOnASmallStack() throws InterruptedException {
        for (var e : nestings().entrySet()) {
            int[] deepest = new int[1];
            Throwable t = onSmallStack(() -> {
                for (int n = 1; ; n++) {
                    parse(e.getValue().apply(n));
                    deepest[0] = n;
                }
            });
            assertInstanceOf(LuaError.class, t, e.getKey());
            assertEquals("C stack overflow", t.getMessage(), e.getKey());
            assertTrue(deepest[0] >= 95, e.getKey() + " fails at depth " + (deepest[0] + 1));
        }
    }

    @Test
    void theLimitCountsLevelsAsLua() {
        // As `lua5.4 - < file`: 196 parentheses after `return` parse, 197 do not.
        parse("return " + "(".repeat(196) + "1" + ")".repeat(196));
        assertEquals("C stack overflow",
                error("return " + "(".repeat(197) + "1" + ")".repeat(197)));
        // As `load` called from a main chunk, which has one more C level in use.
        byte[] src = bytes("return " + "(".repeat(196) + "1" + ")".repeat(196));
        assertThrows(LuaError.class, () -> Parser.parse(src, STDIN, 2));
    }

    @Test
    void longFlatProgramsDoNotNest() {
        parse("x = 1" + " + 1".repeat(HUGE));
        parse("x = a" + ".b".repeat(HUGE) + "()".repeat(HUGE));
        parse("x = 1\n".repeat(HUGE));
        parse("x = {" + "1, ".repeat(HUGE) + "}");
    }

    // ---------------------------------------------------------------- chunk ids

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=stdin                  | stdin",
        "@script.lua             | script.lua",
        "print(1)                | '[string \"print(1)\"]'",
        "''                      | '[string \"\"]'",
    })
    void chunkIds(String name, String id) {
        assertEquals(id, ChunkId.of(LuaString.of(name)).toString());
    }

    @Test
    void longChunkIdsAreCutAsLuaCutsThem() {
        String name = "abcdefghij".repeat(7);
        assertEquals(name.substring(0, 59), ChunkId.of(LuaString.of("=" + name)).toString());
        assertEquals(name.substring(0, 59), ChunkId.of(LuaString.of("=" + name.substring(0, 59)))
                .toString());
        assertEquals("..." + name.substring(70 - 56),
                ChunkId.of(LuaString.of("@" + name)).toString());
        assertEquals(name.substring(0, 59),
                ChunkId.of(LuaString.of("@" + name.substring(0, 59))).toString());
        assertEquals("[string \"" + name.substring(0, 45) + "...\"]",
                ChunkId.of(LuaString.of(name)).toString());
        assertEquals("[string \"" + name.substring(0, 44) + "\"]",
                ChunkId.of(LuaString.of(name.substring(0, 44))).toString());
        assertEquals("[string \"" + name.substring(0, 45) + "...\"]",
                ChunkId.of(LuaString.of(name.substring(0, 45))).toString());
        assertEquals("[string \"x = 1...\"]", ChunkId.of(LuaString.of("x = 1\ny = 2")).toString());
        assertArrayEquals(bytes("ab"), ChunkId.of(LuaString.wrap(bytes("=ab\0cd"))).rawBytes());
    }
}
