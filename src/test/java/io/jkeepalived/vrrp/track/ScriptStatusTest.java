package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** vrrp_script rise/fall counting as keepalived 2.2.7's vrrp_script_child_thread does it. */
class ScriptStatusTest {
    private static final ScriptOutcome OK = new ScriptOutcome.Exited(0);
    private static final ScriptOutcome FAIL = new ScriptOutcome.Exited(1);

    @Test
    void startsPendingAndOneSuccessIsEnoughWhateverRise() {
        ScriptStatus s = new ScriptStatus("chk", 5, 3, false);
        assertThat(s.state()).isEqualTo(TrackerState.PENDING);
        assertThat(s.recordLines(OK)).containsExactly("VRRP_Script(chk) succeeded");
        assertThat(s.state()).isEqualTo(TrackerState.OK);
    }

    @Test
    void oneFailureIsEnoughAtStartWhateverFall() {
        ScriptStatus s = new ScriptStatus("chk", 2, 5, false);
        assertThat(s.recordLines(FAIL)).containsExactly("Script `chk` now returning 1",
                "VRRP_Script(chk) failed (exited with status 1)");
        assertThat(s.state()).isEqualTo(TrackerState.FAILED);
    }

    @Test
    void fallConsecutiveFailuresTurnAnOkScriptFailed() {
        ScriptStatus s = new ScriptStatus("chk", 2, 3, false);
        s.record(OK, l -> { });
        assertThat(s.record(FAIL, l -> { })).isFalse();
        assertThat(s.record(FAIL, l -> { })).isFalse();
        assertThat(s.state()).isEqualTo(TrackerState.OK);
        // a success in between puts the count back to the top
        assertThat(s.recordLines(OK)).containsExactly("Script `chk` now returning 0");
        s.record(FAIL, l -> { });
        s.record(FAIL, l -> { });
        assertThat(s.recordLines(FAIL)).containsExactly("VRRP_Script(chk) failed (exited with status 1)");
        assertThat(s.state()).isEqualTo(TrackerState.FAILED);
    }

    @Test
    void riseConsecutiveSuccessesTurnAFailedScriptOk() {
        ScriptStatus s = new ScriptStatus("chk", 3, 1, false);
        s.record(FAIL, l -> { });
        assertThat(s.record(OK, l -> { })).isFalse();
        assertThat(s.record(OK, l -> { })).isFalse();
        assertThat(s.record(FAIL, l -> { })).isFalse(); // back to 0, silently: it was failed already
        assertThat(s.record(OK, l -> { })).isFalse();
        assertThat(s.record(OK, l -> { })).isFalse();
        assertThat(s.recordLines(OK)).containsExactly("VRRP_Script(chk) succeeded");
        assertThat(s.state()).isEqualTo(TrackerState.OK);
    }

    @Test
    void initFailStartsFailedAndNeedsRiseSuccessesWithoutLoggingFailures() {
        ScriptStatus s = new ScriptStatus("chk", 2, 2, true);
        assertThat(s.state()).isEqualTo(TrackerState.FAILED);
        assertThat(s.recordLines(new ScriptOutcome.Exited(2))).containsExactly("Script `chk` now returning 2");
        assertThat(s.state()).isEqualTo(TrackerState.FAILED);
        assertThat(s.recordLines(OK)).containsExactly("Script `chk` now returning 0");
        assertThat(s.recordLines(OK)).containsExactly("VRRP_Script(chk) succeeded");
    }

    @Test
    void timeoutIsAFailureLoggedAsTimedOut() {
        ScriptStatus s = new ScriptStatus("chk", 1, 1, false);
        s.record(OK, l -> { });
        assertThat(s.recordLines(ScriptOutcome.TIMED_OUT)).containsExactly("VRRP_Script(chk) timed_out");
        assertThat(s.state()).isEqualTo(TrackerState.FAILED);
    }

    @Test
    void deathBySignalIsAFailureWithItsNumber() {
        ScriptStatus s = new ScriptStatus("chk", 1, 1, false);
        assertThat(s.recordLines(new ScriptOutcome.Signalled(9))).containsExactly("VRRP_Script(chk) failed (due to signal 9)");
    }

    @Test
    void aChangedExitStatusIsReportedOnceEvenWhileStillFailing() {
        ScriptStatus s = new ScriptStatus("chk", 1, 1, false);
        s.record(FAIL, l -> { });
        assertThat(s.recordLines(FAIL)).isEmpty();
        assertThat(s.recordLines(new ScriptOutcome.Exited(3))).containsExactly("Script `chk` now returning 3");
    }
}
