package io.jkeepalived.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.notify.NotifyCommands.Prepared;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier with real scripts and a real FIFO in a temporary directory. */
class NotifierTest {
    @TempDir
    Path dir;

    private final ScriptRunner runner = new ScriptRunner(RunAs.ROOT);

    @AfterEach
    void close() {
        runner.close();
    }

    private ScriptCommand rec(String file) {
        return ScriptCommand.of(List.of("/bin/sh", "-c", "echo \"$*\" >> " + dir.resolve(file), "rec"), Duration.ZERO);
    }

    private List<String> await(String file, int n) throws Exception {
        Path f = dir.resolve(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> l = Files.exists(f) ? Files.readAllLines(f) : List.of();
            if (l.size() >= n) return l;
            Thread.sleep(10);
        }
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void instanceStatesRunTheirScriptsTheGenericNotifyAndWriteTheFifo() throws Exception {
        Path fifoPath = dir.resolve("fifo");
        ScriptCommand reader = ScriptCommand.of(List.of("/bin/sh", "-c",
                "while read -r l; do echo \"$l\" >> " + dir.resolve("fifo.log") + "; done < \"$0\""), Duration.ZERO);
        // the FIFO's name is added as the reader's last argument ($0 of sh -c here)
        NotifyFifo fifo = NotifyFifo.open(fifoPath.toString(), RunAs.ROOT, reader, "vrrp_", runner, RunAs.ROOT);
        assertThat(fifo).isNotNull();
        Prepared vi = new Prepared(rec("master"), null, null, null, rec("notify"), null, rec("rx"));
        Prepared g = new Prepared(null, null, null, null, rec("gnotify"), null, null);
        Notifier n = new Notifier(Map.of("VI_1", vi), Map.of("G1", g), Map.of("VI_1", false), List.of(fifo), runner,
                Duration.ofSeconds(30));

        n.instanceState("VI_1", NotifyState.MASTER, 150);
        assertThat(await("master", 1)).containsExactly("");
        assertThat(await("notify", 1)).containsExactly("INSTANCE VI_1 MASTER 150");
        n.instanceState("VI_1", NotifyState.DELETED, 150); // no notify_deleted: reported as FAULT
        assertThat(await("notify", 2)).endsWith("INSTANCE VI_1 FAULT 150");
        n.groupState("G1", NotifyState.BACKUP);
        assertThat(await("gnotify", 1)).containsExactly("GROUP G1 BACKUP 0");
        n.masterRxLowerPri("VI_1", 150);
        assertThat(await("rx", 1)).containsExactly("");
        n.priorityChanged("VI_1", false, 90);
        assertThat(await("fifo.log", 5)).containsExactly("INSTANCE \"VI_1\" MASTER 150", "INSTANCE \"VI_1\" FAULT 150",
                "GROUP \"G1\" BACKUP 0", "INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150", "INSTANCE \"VI_1\" BACKUP_PRIORITY 90");

        n.close();
        assertThat(Files.exists(fifoPath)).as("a FIFO we created is unlinked at close").isFalse();
    }

    @Test
    void anExistingFifoIsKeptAtClose() throws Exception {
        Path fifoPath = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifoPath.toString()).start().waitFor()).isZero();
        NotifyFifo fifo = NotifyFifo.open(fifoPath.toString(), RunAs.ROOT, null, "", runner, RunAs.ROOT);
        fifo.write("INSTANCE \"X\" MASTER 1\n"); // no reader: the line is lost, nothing blocks
        fifo.close();
        assertThat(Files.exists(fifoPath)).isTrue();
    }

    @Test
    void aReloadClosesTheOldFifoAndUsesTheNewScriptsAndFifo() throws Exception {
        Path old = dir.resolve("old.fifo");
        NotifyFifo first = NotifyFifo.open(old.toString(), RunAs.ROOT, null, "vrrp_", runner, RunAs.ROOT);
        Prepared v1 = new Prepared(null, null, null, null, rec("n1"), null, null);
        Notifier n = new Notifier(Map.of("VI_1", v1, "VI_GONE", v1), Map.of(), Map.of(), List.of(first), runner,
                Duration.ofSeconds(30));
        Path fresh = dir.resolve("new.fifo");
        ScriptCommand reader = ScriptCommand.of(List.of("/bin/sh", "-c",
                "while read -r l; do echo \"$l\" >> " + dir.resolve("new.log") + "; done < \"$0\""), Duration.ZERO);
        Prepared v2 = new Prepared(null, null, null, null, rec("n2"), null, null);
        n.reload(new NotifySetup.Scripts(Map.of("VI_1", v2), Map.of(), Map.of()),
                () -> List.of(NotifyFifo.open(fresh.toString(), RunAs.ROOT, reader, "vrrp_", runner, RunAs.ROOT)));
        assertThat(Files.exists(old)).isFalse();
        n.instanceState("VI_1", NotifyState.BACKUP, 100);
        n.instanceState("VI_GONE", NotifyState.FAULT, 100);
        assertThat(await("n2", 1)).containsExactly("INSTANCE VI_1 BACKUP 100");
        assertThat(await("n1", 1)).as("a removed instance keeps its scripts").containsExactly("INSTANCE VI_GONE FAULT 100");
        assertThat(await("new.log", 2)).containsExactly("INSTANCE \"VI_1\" BACKUP 100", "INSTANCE \"VI_GONE\" FAULT 100");
        n.close();
    }

    @Test
    void aDeletedInstanceSaysDeletedOnlyWithNotifyDeleted() throws Exception {
        Prepared p = new Prepared(null, null, rec("fault"), null, rec("notify"), rec("deleted"), null);
        Notifier n = new Notifier(Map.of("A", p, "B", p, "C", p), Map.of(), Map.of("A", true, "B", false, "C", false),
                List.of(), runner, Duration.ofSeconds(30));
        n.instanceDeleted("A", true, 100);  // notify_deleted: DELETED even from FAULT
        assertThat(await("notify", 1)).containsExactly("INSTANCE A DELETED 100");
        assertThat(await("deleted", 1)).containsExactly("");
        n.instanceDeleted("C", true, 100);  // FAULT already, no notify_deleted: nothing
        n.instanceDeleted("B", false, 90);  // the old way: FAULT
        assertThat(await("notify", 2)).containsExactly("INSTANCE A DELETED 100", "INSTANCE B FAULT 90");
        assertThat(await("fault", 1)).containsExactly("");
    }

    @Test
    void stopScriptsAreAwaited() throws IOException {
        Prepared vi = new Prepared(null, null, null, rec("stop"), null, null, null);
        Notifier n = new Notifier(Map.of("VI_1", vi), Map.of(), Map.of(), List.of(), runner,
                Duration.ofSeconds(30));
        n.instanceState("VI_1", NotifyState.STOP, 100);
        n.awaitStopScripts(Duration.ofSeconds(5));
        assertThat(Files.readAllLines(dir.resolve("stop"))).containsExactly("");
    }
}
