package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** FILE_CHECK: a track_file's number moves the real server's weight, or takes it down (track_file.c). */
class FileCheckTest {
    private static final String VS = "[10.0.0.1]:tcp:80";
    private static final String RS = "[10.0.0.2]:tcp:80";

    private static String conf(String fileCheck) {
        return "track_file tf {\n file /run/tf\n weight 1\n}\n"
                + "virtual_server 10.0.0.1 80 {\n protocol TCP\n lvs_sched rr\n lvs_method NAT\n"
                + " real_server 10.0.0.2 80 {\n  weight 10\n  " + fileCheck + "\n }\n}\n";
    }

    @Test
    void weightedFileAddsItsNumberTimesTheWeight() {
        Timeline t = new Timeline(conf("FILE_CHECK {\n   track_file tf\n   weight 2\n  }"), b -> 0, Map.of("/run/tf", 3L));
        t.start();
        assertThat(t.ipvs.getLast().weight()).isEqualTo(16);
        t.files.put("/run/tf", -1L);
        t.scheduler.pollFiles();
        assertThat(t.lines).contains("t=0 Changing weight from 16 to 8 for active service " + RS + " of VS " + VS);
    }

    @Test
    void zeroWeightMeansNonZeroIsDown() {
        Timeline t = new Timeline(conf("FILE_CHECK {\n   track_file tf\n   weight 0\n  }"), b -> 0, Map.of("/run/tf", 1L));
        t.start();
        // starts down: not added at start
        assertThat(t.lines).doesNotContain("t=0 Gained quorum 1+0=1 <= 10 for VS " + VS);
        t.files.put("/run/tf", 0L);
        t.scheduler.pollFiles();
        assertThat(t.lines).contains("t=0 Adding service " + RS + " to VS " + VS);
        t.files.put("/run/tf", 5L);
        t.scheduler.pollFiles();
        assertThat(t.lines).contains("t=0 Removing service " + RS + " from VS " + VS);
    }

    @Test
    void strtolReadsLikeC() {
        assertThat(FileChecks.strtol(" 42\n")).isEqualTo(42);
        assertThat(FileChecks.strtol("-0x10")).isEqualTo(-16);
        assertThat(FileChecks.strtol("010")).isEqualTo(8);
        assertThat(FileChecks.strtol("abc")).isZero();
    }
}
