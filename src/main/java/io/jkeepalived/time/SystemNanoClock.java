package io.jkeepalived.time;

/** {@link NanoClock} over {@link System#nanoTime()}: the only place the runtime reads real monotonic time. */
enum SystemNanoClock implements NanoClock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
