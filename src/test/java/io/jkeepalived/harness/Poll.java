package io.jkeepalived.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling until a deadline: the tests' replacement for fixed sleeps. */
public final class Poll {
    private static final long STEP_MS = 20;

    private Poll() {}

    /** Returns as soon as {@code condition} holds; throws naming {@code what} when the deadline passes. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        if (!tryUntil(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        }
    }

    /** Like {@link #until} with a description computed at failure time (e.g. the last output seen). */
    public static void until(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        if (!tryUntil(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
        }
    }

    /** True as soon as {@code condition} holds, false once the deadline has passed without it. */
    public static boolean tryUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) return true;
            if (System.nanoTime() - deadline >= 0) return false;
            pause();
        }
    }

    /** First non-empty value of {@code probe} before the deadline, or empty. */
    public static <T> Optional<T> first(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v;
            if (System.nanoTime() - deadline >= 0) return Optional.empty();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(STEP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
