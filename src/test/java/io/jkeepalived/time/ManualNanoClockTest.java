package io.jkeepalived.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManualNanoClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualNanoClock clock = new ManualNanoClock(100);
        assertThat(clock.nanoTime()).isEqualTo(100);
        assertThat(clock.advanceNanos(5)).isEqualTo(105);
        assertThat(clock.advance(Duration.ofMillis(1))).isEqualTo(1_000_105);
        assertThat(clock.advanceMillis(2)).isEqualTo(3_000_105);
        assertThat(clock.setNanos(4_000_000)).isEqualTo(4_000_000);
        assertThat(clock.nanoTime()).isEqualTo(4_000_000);
    }

    @Test
    void neverGoesBack() {
        ManualNanoClock clock = new ManualNanoClock(10);
        assertThatThrownBy(() -> clock.advanceNanos(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setNanos(9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.nanoTime()).isEqualTo(10);
    }

    @Test
    void systemClockIsMonotonic() {
        NanoClock clock = NanoClock.system();
        long a = clock.nanoTime();
        long b = clock.nanoTime();
        assertThat(b).isGreaterThanOrEqualTo(a);
    }
}
