package dev.moonlet.vm;

/** Fuel for tests of engines that run on a budget outside an executor. */
public final class TestFuel {
    private TestFuel() {}

    /** A fresh budget of {@code amount} units, as a step would start with. */
    public static Fuel of(long amount) {
        Fuel f = new Fuel();
        f.refill(amount);
        return f;
    }
}
