package io.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.TrackProcess.ParamMatch;
import io.jkeepalived.time.DeadlineQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** vrrp_track_process counting against this machine's real /proc: a process of our own comes and goes. */
class ProcessTrackersTest {
    private static final String ARG = "4242.4242";

    private static TrackProcess byCommandLine(String name, List<String> params, ParamMatch m) {
        return new TrackProcess(name, "/usr/bin/sleep", params, m, 0, false, 1, 0xFFFFFFFFL, 0, 0, 0, true);
    }

    @Test
    void countsMatchingProcessesByCommandLineAndName() throws Exception {
        List<TrackProcess> used = List.of(
                byCommandLine("exact", List.of(ARG), ParamMatch.EXACT),
                byCommandLine("initial", List.of("4242."), ParamMatch.INITIAL),
                byCommandLine("other", List.of("1"), ParamMatch.EXACT),
                new TrackProcess("comm", "sleep", List.of(), ParamMatch.EXACT, 0, false, 1, 0xFFFFFFFFL, 0, 0, 0, false));
        List<TrackerMessage> inbox = new ArrayList<>();
        ProcessTrackers trackers = new ProcessTrackers(used, new DeadlineQueue(), inbox::add, Path.of("/proc"));
        long[] before = trackers.scan();
        Process p = new ProcessBuilder("/usr/bin/sleep", ARG).start();
        try {
            long[] during = trackers.scan();
            assertThat(during[0]).isEqualTo(before[0] + 1);
            assertThat(during[1]).isEqualTo(before[1] + 1);
            assertThat(during[2]).isEqualTo(before[2]);
            assertThat(during[3]).isGreaterThanOrEqualTo(1);
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(trackers.scan()[0]).isEqualTo(before[0]);
    }
}
