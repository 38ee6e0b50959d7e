package io.jkeepalived.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.notify.NotifyCommands.Prepared;
import io.jkeepalived.script.ScriptCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyCommandsTest {
    private static final Duration T = Duration.ofSeconds(30);

    private static ScriptCommand cmd(String... argv) {
        return ScriptCommand.of(List.of(argv), Duration.ZERO);
    }

    private final Prepared all = new Prepared(cmd("/m"), cmd("/b", "x y"), cmd("/f"), cmd("/s"), cmd("/n", "a"),
            cmd("/d"), cmd("/rx"));

    @Test
    void theStatesOwnScriptComesFirstThenTheGenericNotifyWithFourArguments() {
        List<ScriptCommand> c = NotifyCommands.forState(all, NotifyKind.INSTANCE, "VI_1", NotifyState.MASTER, 150, T);
        assertThat(c).extracting(ScriptCommand::argv).containsExactly(
                List.of("/m"), List.of("/n", "a", "INSTANCE", "VI_1", "MASTER", "150"));
        assertThat(c).extracting(ScriptCommand::timeout).containsOnly(T);
    }

    @Test
    void eachStateHasItsScript() {
        assertThat(NotifyCommands.forState(all, NotifyKind.INSTANCE, "V", NotifyState.BACKUP, 1, T).getFirst().argv())
                .containsExactly("/b", "x y");
        assertThat(NotifyCommands.forState(all, NotifyKind.INSTANCE, "V", NotifyState.FAULT, 1, T).getFirst().argv())
                .containsExactly("/f");
        assertThat(NotifyCommands.forState(all, NotifyKind.INSTANCE, "V", NotifyState.DELETED, 1, T).getFirst().argv())
                .containsExactly("/d");
    }

    @Test
    void aGroupsPriorityIsZero() {
        List<ScriptCommand> c = NotifyCommands.forState(all, NotifyKind.GROUP, "G1", NotifyState.BACKUP, 150, T);
        assertThat(c.getLast().argv()).containsExactly("/n", "a", "GROUP", "G1", "BACKUP", "0");
    }

    @Test
    void stopScriptsHaveKeepalivedsOneSecondButAGroupsOwnStopScriptIsUntimed() {
        List<ScriptCommand> i = NotifyCommands.forState(all, NotifyKind.INSTANCE, "V", NotifyState.STOP, 100, T);
        assertThat(i).extracting(ScriptCommand::timeout).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<ScriptCommand> g = NotifyCommands.forState(all, NotifyKind.GROUP, "G", NotifyState.STOP, 0, T);
        assertThat(g).extracting(ScriptCommand::timeout).containsExactly(T, Duration.ofSeconds(1));
    }

    @Test
    void withoutScriptsNothingRuns() {
        assertThat(NotifyCommands.forState(Prepared.NONE, NotifyKind.INSTANCE, "V", NotifyState.MASTER, 1, T)).isEmpty();
    }

    @Test
    void fifoLinesAreKeepalivedsFormat() {
        assertThat(FifoLine.of(NotifyKind.INSTANCE, "VI_1", "MASTER", 100)).isEqualTo("INSTANCE \"VI_1\" MASTER 100\n");
        assertThat(FifoLine.of(NotifyKind.GROUP, "G", "STOP", 0)).isEqualTo("GROUP \"G\" STOP 0\n");
        assertThat(FifoLine.of(NotifyKind.INSTANCE, "VI_1", FifoLine.MASTER_RX_LOWER_PRI, 150))
                .isEqualTo("INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150\n");
    }
}
