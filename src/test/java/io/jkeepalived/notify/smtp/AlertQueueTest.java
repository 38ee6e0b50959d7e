package io.jkeepalived.notify.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over: never blocks the caller, bounded, in order, drops counted and reported. */
class AlertQueueTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private static SmtpAlert alert(int i) {
        return new SmtpAlert("s" + i, "b");
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(end);
            Thread.sleep(5);
        }
    }

    @Test
    void alertsAreSentOneAtATimeInOrder() throws InterruptedException {
        try (AlertQueue q = new AlertQueue(8, a -> sent.add(a.subject()), log::add)) {
            for (int i = 0; i < 5; i++) assertThat(q.offer(alert(i))).isTrue();
            waitFor(() -> sent.size() == 5);
            assertThat(sent).containsExactly("s0", "s1", "s2", "s3", "s4");
            assertThat(log).isEmpty();
        }
    }

    @Test
    void offerReturnsAtOnceWhileTheSenderIsStuckAndDropsWhenFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        AlertQueue q = new AlertQueue(3, a -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sent.add(a.subject());
        }, log::add);
        try {
            q.offer(alert(0));
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            int accepted = 0;
            for (int i = 1; i <= 10; i++) if (q.offer(alert(i))) accepted++;
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(accepted).isEqualTo(3);
            assertThat(q.dropped()).isEqualTo(7);

            release.countDown();
            waitFor(() -> sent.size() == 4);
            assertThat(sent).containsExactly("s0", "s1", "s2", "s3");
            assertThat(log).containsExactly("SMTP alert queue full - 7 alert(s) dropped");
        } finally {
            release.countDown();
            q.close();
        }
    }

    @Test
    void closeLetsQueuedAlertsGoWithinTheGrace() throws InterruptedException {
        AlertQueue q = new AlertQueue(8, a -> sent.add(a.subject()), log::add);
        q.offer(alert(1));
        q.offer(alert(2));
        q.close(Duration.ofSeconds(10));
        assertThat(sent).containsExactly("s1", "s2");
        assertThat(q.offer(alert(3))).isFalse();
    }

    @Test
    void closeInterruptsASenderStuckPastTheGrace() {
        CountDownLatch never = new CountDownLatch(1);
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        AlertQueue q = new AlertQueue(8, a -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.add(true);
            }
            return false;
        }, log::add);
        q.offer(alert(1));
        long t0 = System.nanoTime();
        q.close(Duration.ofMillis(200));
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
        assertThat(interrupted).containsExactly(true);
    }
}
