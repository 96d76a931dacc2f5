package dev.moonlet.lib;

import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Sequence;

/**
 * The frame of {@code effect.resume} (and {@code effect.resume_throw}): runs a continuation
 * with a table of handlers, keyed by effect tag, and returns what the continuation returns.
 * A suspension to a tag the table handles (and that no resume above handles) cuts the
 * continuation's frames out; then
 * <ul>
 *   <li>for {@code effect.suspend}, this frame is replaced by a tail call of the clause,
 *       {@code handlers[tag](k, ...)}: its results are the resume's;</li>
 *   <li>for {@code effect.switch(target, tag, ...)}, whose clause must be
 *       {@code effect.SWITCH}, this frame runs {@code target} in its place, with the same
 *       handlers, passing it the values followed by the suspended continuation.</li>
 * </ul>
 */
final class EffectHandler extends Delimiting {
    private final LuaTable handlers;

    /** A resume with {@code handlers} (null: none) that begins with {@code start}. */
    EffectHandler(LuaTable handlers, Action start) {
        super(start);
        this.handlers = handlers;
    }

    @Override
    public Verdict delimits(Action.Capture.Request request) {
        if (!(request instanceof EffectLib.Suspension) || handlers == null) return Verdict.PASS;
        EffectLib.Suspension s = (EffectLib.Suspension) request;
        Object clause = handlers.get(s.tag());
        if (clause == null) return Verdict.PASS;
        return EffectLib.isSwitch(clause) == (s.target() != null) ? Verdict.CATCH : Verdict.PASS;
    }

    @Override
    public Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values) {
        EffectLib.Suspension s = (EffectLib.Suspension) request;
        Userdata suspended = EffectLib.wrap(co.instance(), k);
        if (s.target() != null) {
            Object[] args = new Object[values.length + 1];
            System.arraycopy(values, 0, args, 0, values.length);
            args[values.length] = suspended;
            return new Action.Splice(s.target(), args, null);
        }
        return new Action.TailCall(handlers.get(s.tag()), Prompt.prepend(suspended, values));
    }

    @Override
    public Sequence copy() {
        return new EffectHandler(handlers, start());
    }

    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(handlers);
    }
}
