package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigDumpTest {
    record Addr(String ip, int prefix) {}

    record Instance(String name, int priority, List<Addr> vips, Optional<String> script, Map<String, Integer> weights) {}

    record Root(List<Instance> instances, Addr none) {}

    @Test
    void nestedRecordsAndListsAreOneValuePerIndentedLine() {
        Root r = new Root(List.of(new Instance("VI_1", 100, List.of(new Addr("10.99.0.10", 24)), Optional.empty(),
                Map.of("chk", -20))), null);
        assertThat(ConfigDump.lines(r)).containsExactly(
                "------< Root >------",
                "  instances: 1 item",
                "    [0]: Instance",
                "      name = VI_1",
                "      priority = 100",
                "      vips: 1 item",
                "        [0]: Addr",
                "          ip = 10.99.0.10",
                "          prefix = 24",
                "      script = (none)",
                "      weights: 1 entry",
                "        chk = -20",
                "  none = (none)");
    }

    @Test
    void anEmptyRecordAndNoConfigurationAreSaid() {
        record Empty() {}
        assertThat(ConfigDump.lines(new Empty())).containsExactly("------< Empty >------", "  (empty)");
        assertThat(ConfigDump.lines(null)).containsExactly("(no configuration)");
    }
}
