package io.jkeepalived.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timer math, priority arithmetic, address text: the small pure pieces. */
class ArithmeticTest {

    @ParameterizedTest
    @CsvSource({"100,609375", "200,218750", "254,7812", "1,996093", "255,3906"})
    void v2SkewIsAFractionOfASecondWhateverTheInterval(int prio, long micros) {
        assertThat(VrrpTimers.skewForPriorityMicros(VrrpVersion.V2, prio, 5_000_000)).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource({"100,100,609375", "100,50,304687", "254,1,78", "200,4095,8957812"})
    void v3SkewScalesWithTheMasterIntervalInCentiseconds(int prio, int centis, long micros) {
        assertThat(VrrpTimers.skewForPriorityMicros(VrrpVersion.V3, prio, centis * 10_000L)).isEqualTo(micros);
    }

    @Test
    void masterDownIntervalIsAdvertsTimesIntervalPlusSkew() {
        assertThat(VrrpTimers.masterDownMicros(VrrpVersion.V2, 3, 100, 1_000_000)).isEqualTo(3_609_375);
        assertThat(VrrpTimers.masterDownMicros(VrrpVersion.V3, 3, 100, 500_000)).isEqualTo(1_804_687);
        assertThat(VrrpTimers.wireIntervalMicros(VrrpVersion.V2, 2)).isEqualTo(2_000_000);
        assertThat(VrrpTimers.wireIntervalMicros(VrrpVersion.V3, 2)).isEqualTo(20_000);
    }

    @Test
    void effectivePriorityIsClampedAndTheOwnerNeverMoves() {
        assertThat(EffectivePriority.of(100, -10)).isEqualTo(90);
        assertThat(EffectivePriority.of(100, -200)).isEqualTo(1);
        assertThat(EffectivePriority.of(100, 155)).isEqualTo(254);
        assertThat(EffectivePriority.of(255, -100)).isEqualTo(255);
        assertThat(EffectivePriority.of(1, Integer.MAX_VALUE)).isEqualTo(254);
    }

    @Test
    void trackerContributionsFollowWeightSignAndReverse() {
        assertThat(EffectivePriority.contribution(10, false, true)).isEqualTo(10);
        assertThat(EffectivePriority.contribution(10, false, false)).isZero();
        assertThat(EffectivePriority.contribution(-10, false, true)).isZero();
        assertThat(EffectivePriority.contribution(-10, false, false)).isEqualTo(-10);
        assertThat(EffectivePriority.contribution(10, true, true)).isEqualTo(-10);
        assertThat(EffectivePriority.contribution(-10, true, false)).isEqualTo(10);
        assertThat(EffectivePriority.faults(0, false, false)).isTrue();
        assertThat(EffectivePriority.faults(0, false, true)).isFalse();
        assertThat(EffectivePriority.faults(0, true, true)).isTrue();
        assertThat(EffectivePriority.faults(5, false, false)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "10.99.0.12,10.99.0.12",
        "fd00:99:0:0:0:0:0:100,fd00:99::100",
        "0:0:0:0:0:0:0:0,::",
        "0:0:0:0:0:0:0:1,::1",
        "fe80:0:0:0:0:0:0:1,fe80::1",
        "1:0:0:2:0:0:0:3,1:0:0:2::3",
        "1:0:0:2:3:0:0:4,1::2:3:0:0:4",
        "1:2:3:4:5:6:0:8,1:2:3:4:5:6:0:8",
        "0:0:0:0:0:0:a63:c,::10.99.0.12",
        "1:2:3:4:5:6:7:0,1:2:3:4:5:6:7:0",
        "1:2:0:0:0:0:0:0,1:2::",
    })
    void addressesPrintLikeInetNtop(String literal, String expected) {
        assertThat(AddressText.of(InetAddress.ofLiteral(literal))).isEqualTo(expected);
    }

    @Test
    void addressesCompareUnsignedAndOnlyWithinAFamily() {
        InetAddress low = InetAddress.ofLiteral("10.0.0.1");
        InetAddress high = InetAddress.ofLiteral("192.168.0.1");
        assertThat(AddressText.compare(high, low)).isEqualTo(1);
        assertThat(AddressText.compare(low, high)).isEqualTo(-1);
        assertThat(AddressText.compare(low, low)).isZero();
        assertThat(AddressText.compare(low, InetAddress.ofLiteral("fe80::1"))).isZero();
        assertThat(AddressText.compare(low, null)).isZero();
    }

    @Test
    void specRejectsValuesKeepalivedWouldNotLetThrough() {
        assertThatThrownBy(() -> InstanceSpec.builder("VI_1", 0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstanceSpec.builder("VI_1", 1).priority(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstanceSpec.builder("VI_1", 1).advertInterval(Duration.ofMillis(1500)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstanceSpec.builder("VI_1", 1).version(VrrpVersion.V3)
                .advertInterval(Duration.ofMillis(41_000)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(InstanceSpec.builder("VI_1", 1).version(VrrpVersion.V3)
                .advertInterval(Duration.ofMillis(40_950)).build().advertInterval()).hasMillis(40_950);
        assertThat(VrrpVersion.of(3)).isEqualTo(VrrpVersion.V3);
        assertThat(VrrpState.STOP.code()).isEqualTo(98);
        assertThat(VrrpState.MASTER.word()).isEqualTo("MASTER");
    }
}
