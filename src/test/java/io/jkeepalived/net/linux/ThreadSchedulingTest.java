package io.jkeepalived.net.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadSchedulingTest {
    @Test
    void timerSlackChangesOnlyTheCallingThread() throws InterruptedException {
        AtomicLong inside = new AtomicLong();
        long before = ThreadScheduling.timerSlack();
        Thread t = Thread.ofPlatform().start(() -> {
            ThreadScheduling.timerSlack(1);
            inside.set(ThreadScheduling.timerSlack());
        });
        t.join();
        assertThat(inside.get()).isEqualTo(1);
        assertThat(ThreadScheduling.timerSlack()).isEqualTo(before);
    }

    @Test
    void niceZeroIsAcceptedForTheCallingThread() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                ThreadScheduling.nice(0);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        t.join();
        assertThat(failure.get()).isNull();
    }
}
