package io.jkeepalived.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineQueueTest {

    private final DeadlineQueue queue = new DeadlineQueue(2);
    private final List<String> fired = new ArrayList<>();

    private void record(int id, long now) {
        fired.add(id + "@" + now);
    }

    @Test
    void firesExpiredTimersEarliestFirstAndLeavesTheRest() {
        int a = queue.newTimer();
        int b = queue.newTimer();
        int c = queue.newTimer();
        queue.schedule(a, 300);
        queue.schedule(b, 100);
        queue.schedule(c, 200);
        assertThat(queue.nextDeadline()).isEqualTo(100);

        assertThat(queue.poll(250, this::record, 10)).isEqualTo(2);
        assertThat(fired).containsExactly(b + "@250", c + "@250");
        assertThat(queue.isArmed(a)).isTrue();
        assertThat(queue.isArmed(b)).isFalse();
        assertThat(queue.nextDeadline()).isEqualTo(300);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void equalDeadlinesFireInArmingOrder() {
        int a = queue.newTimer();
        int b = queue.newTimer();
        int c = queue.newTimer();
        queue.schedule(c, 50);
        queue.schedule(a, 50);
        queue.schedule(b, 50);
        queue.poll(50, this::record, 10);
        assertThat(fired).containsExactly(c + "@50", a + "@50", b + "@50");
    }

    @Test
    void rearmingMovesATimerEitherWay() {
        int a = queue.newTimer();
        int b = queue.newTimer();
        queue.schedule(a, 100);
        queue.schedule(b, 200);
        queue.schedule(a, 300);
        assertThat(queue.nextDeadline()).isEqualTo(200);
        queue.schedule(a, 150);
        assertThat(queue.nextDeadline()).isEqualTo(150);
        assertThat(queue.deadline(a)).isEqualTo(150);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void cancelledTimersDoNotFire() {
        int a = queue.newTimer();
        queue.schedule(a, 10);
        assertThat(queue.cancel(a)).isTrue();
        assertThat(queue.cancel(a)).isFalse();
        assertThat(queue.deadline(a)).isEqualTo(DeadlineQueue.NO_DEADLINE);
        assertThat(queue.poll(Long.MAX_VALUE - 1, this::record, 10)).isZero();
        assertThat(queue.nextDeadline()).isEqualTo(DeadlineQueue.NO_DEADLINE);
    }

    @Test
    void pollStopsAtTheLimitAndAHandlerMayRearm() {
        int a = queue.newTimer();
        queue.schedule(a, 10);
        int n = queue.poll(100, (id, now) -> {
            fired.add("x");
            queue.schedule(id, now);
        }, 3);
        assertThat(n).isEqualTo(3);
        assertThat(fired).hasSize(3);
        assertThat(queue.isArmed(a)).isTrue();
    }

    @Test
    void releasedIdsAreReusedAndRejectedUntilThen() {
        int a = queue.newTimer();
        queue.schedule(a, 5);
        queue.release(a);
        assertThat(queue.size()).isZero();
        assertThatThrownBy(() -> queue.schedule(a, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.newTimer()).isEqualTo(a);
        assertThatThrownBy(() -> queue.isArmed(99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsWhenMoreTimersAreTaken() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = queue.newTimer();
            ids.add(id);
            queue.schedule(id, 1000 - i);
        }
        assertThat(queue.size()).isEqualTo(100);
        List<Long> order = new ArrayList<>();
        queue.poll(Long.MAX_VALUE - 1, (id, now) -> order.add(1000L - ids.indexOf(id)), 1000);
        assertThat(order).isSorted().hasSize(100);
    }

    @Test
    void rearmingInSteadyStateAllocatesNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DeadlineQueue q = new DeadlineQueue(64);
        int[] ids = new int[64];
        for (int i = 0; i < ids.length; i++) ids[i] = q.newTimer();
        DeadlineQueue.ExpiryHandler handler = (id, now) -> q.schedule(id, now + 1000 + id);
        long now = 0;
        for (int round = 0; round < 20_000; round++) { // warm up, let the JIT settle
            now = churn(q, ids, handler, now);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 20_000; round++) {
            now = churn(q, ids, handler, now);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        // a few bytes of slack for the measurement itself, never per-operation garbage
        assertThat(allocated).isLessThan(1024);
    }

    private static long churn(DeadlineQueue q, int[] ids, DeadlineQueue.ExpiryHandler handler, long now) {
        for (int i = 0; i < ids.length; i += 3) q.schedule(ids[i], now + 500 + i);
        q.cancel(ids[1]);
        now += 700;
        q.poll(now, handler, 100);
        return now;
    }
}
