package dev.moonlet.lib;

import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Sequence;

/**
 * The sequence of {@code prompt.abort}, {@code prompt.shift}, {@code effect.suspend} and
 * {@code effect.switch}: asks the executor for a capture, and once the captured continuation
 * is resumed, returns the values it was resumed with. It is the top frame of every captured
 * continuation, and copies itself, so that continuations can be cloned.
 */
final class Capturing implements Sequence {
    /** The capture to ask for; null once asked. */
    private Action.Capture capture;

    Capturing(Action.Capture capture) {
        this.capture = capture;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (capture == null) return new Action.Return(results);
        Action a = capture;
        capture = null;
        return a;
    }

    @Override
    public void trace(Marker m) {
        if (capture != null) m.markAction(capture);
    }

    @Override
    public boolean callsMayYield() {
        return true;
    }

    @Override
    public Sequence copy() {
        return new Capturing(capture);
    }
}
