package dev.moonlet.syntax;

import dev.moonlet.value.LuaString;
import java.util.List;

/**
 * An expression of the abstract syntax tree. Every node records a source line, which the
 * compiler attaches to the instructions it emits: where it starts, except where noted (for
 * {@code a.b.c}, each step's last token: the name, or the ']' of {@code a[k]}); {@link Parser}
 * lists them all.
 */
public sealed interface Expr {
    /** The source line of this expression. */
    int line();

    /** {@code nil}. */
    record Nil(int line) implements Expr {}

    /** {@code true}. */
    record True(int line) implements Expr {}

    /** {@code false}. */
    record False(int line) implements Expr {}

    /**
     * {@code ...} inside a vararg function (the parser rejects it elsewhere);
     * {@code precedingLine} is the line of the token before it, where Lua puts the VARARG (it
     * emits it before it reads the {@code ...}).
     */
    record Vararg(int line, int precedingLine) implements Expr {}

    /** An integer numeral. */
    record Int(int line, long value) implements Expr {}

    /** A float numeral. */
    record Flt(int line, double value) implements Expr {}

    /** A string literal, as bytes. */
    record Str(int line, LuaString value) implements Expr {}

    /** A function constructor {@code function (params) body end}. */
    record Function(int line, FunctionBody body) implements Expr {}

    /**
     * A table constructor {@code { fields }}; {@code line} is the line of '{', {@code endLine}
     * the line of '}' (where Lua stores the last list items), {@code precedingLine} the line of
     * the token before the '{' (where Lua puts the NEWTABLE, which it emits before it reads the
     * '{').
     */
    record Table(int line, int precedingLine, List<TableField> fields, int endLine)
            implements Expr {}

    /** A binary operation, including {@code and} / {@code or}; {@code line} is the operator's. */
    record Binary(int line, BinOp op, Expr left, Expr right) implements Expr {}

    /** A unary operation; {@code line} is the operator's. */
    record Unary(int line, UnOp op, Expr operand) implements Expr {}

    /** A variable named {@code name}: a local, an upvalue or a global, as the compiler resolves it. */
    record Name(int line, LuaString name) implements Expr {}

    /** {@code object[key]}, and {@code object.name} with a {@link Str} key. */
    record Index(int line, Expr object, Expr key) implements Expr {}

    /**
     * A function call {@code fn(args)}; {@code line} is the line of the '(' (or string/table
     * arg), {@code endLine} the line of the last token of the arguments: the ')', the string
     * or the '}' (where Lua puts the last argument in its register).
     */
    record Call(int line, Expr function, List<Expr> args, int endLine) implements Expr {}

    /**
     * A method call {@code object:name(args)}; {@code nameLine} is the line of {@code name}
     * (where Lua looks the method up), {@code line} and {@code endLine} as for {@link Call}.
     */
    record MethodCall(int line, Expr object, LuaString name, int nameLine, List<Expr> args,
            int endLine) implements Expr {}

    /**
     * {@code (inner)}: truncates a multi-valued expression to one value; {@code endLine} is
     * the line of the ')' (where Lua reads a variable inside).
     */
    record Paren(int line, Expr inner, int endLine) implements Expr {}

    /** Binary operators, in the manual's order. */
    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), IDIV("//"), MOD("%"), POW("^"),
        BAND("&"), BOR("|"), BXOR("~"), SHL("<<"), SHR(">>"), CONCAT(".."),
        EQ("=="), NE("~="), LT("<"), LE("<="), GT(">"), GE(">="), AND("and"), OR("or");

        /** The operator as written in source. */
        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Unary operators: {@code -}, {@code not}, {@code #}, {@code ~}. */
    enum UnOp {
        NEG("-"), NOT("not"), LEN("#"), BNOT("~");

        /** The operator as written in source. */
        public final String symbol;

        UnOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One field of a table constructor. */
    sealed interface TableField {
        /** The line where the field starts. */
        int line();

        /** A positional field {@code value}; the last one may be multi-valued. */
        record Positional(int line, Expr value) implements TableField {}

        /** A field {@code name = value}. */
        record Named(int line, LuaString name, Expr value) implements TableField {}

        /** A field {@code [key] = value}. */
        record Keyed(int line, Expr key, Expr value) implements TableField {}
    }
}
