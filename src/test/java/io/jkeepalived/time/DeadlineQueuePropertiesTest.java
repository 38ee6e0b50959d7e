package io.jkeepalived.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DeadlineQueuePropertiesTest {

    /** op: kind 0 schedule, 1 cancel, 2 poll; timer index; value. */
    record Op(int kind, int timer, long value) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(0, 1000)).as(Op::new);
        return op.list().ofMaxSize(200);
    }

    @Property
    void behavesLikeASortedReferenceModel(@ForAll("ops") List<Op> ops) {
        DeadlineQueue q = new DeadlineQueue(1);
        int[] ids = new int[8];
        for (int i = 0; i < 8; i++) ids[i] = q.newTimer();
        Map<Integer, long[]> model = new HashMap<>(); // timer → {deadline, armOrder}
        long order = 0;
        long now = 0;
        for (Op op : ops) {
            switch (op.kind()) {
                case 0 -> {
                    long deadline = now + op.value();
                    q.schedule(ids[op.timer()], deadline);
                    model.put(op.timer(), new long[] {deadline, order++});
                }
                case 1 -> assertThat(q.cancel(ids[op.timer()])).isEqualTo(model.remove(op.timer()) != null);
                default -> {
                    now += op.value();
                    List<Integer> expected = new ArrayList<>();
                    long limitNow = now;
                    model.entrySet().stream()
                            .filter(e -> e.getValue()[0] <= limitNow)
                            .sorted(Comparator.<Map.Entry<Integer, long[]>>comparingLong(e -> e.getValue()[0])
                                    .thenComparingLong(e -> e.getValue()[1]))
                            .forEach(e -> expected.add(ids[e.getKey()]));
                    expected.forEach(id -> {
                        for (int i = 0; i < 8; i++) if (ids[i] == id) model.remove(i);
                    });
                    List<Integer> actual = new ArrayList<>();
                    q.poll(now, (id, t) -> actual.add(id), Integer.MAX_VALUE);
                    assertThat(actual).isEqualTo(expected);
                }
            }
            assertThat(q.size()).isEqualTo(model.size());
            long next = model.values().stream().mapToLong(v -> v[0]).min().orElse(DeadlineQueue.NO_DEADLINE);
            assertThat(q.nextDeadline()).isEqualTo(next);
        }
    }
}
