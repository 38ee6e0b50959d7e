package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.track.FileValue;
import io.jkeepalived.vrrp.track.ScriptOutcome;

/**
 * What the trackers' threads hand to the event loop through its queue (STYLE.md habit 6). {@code from} is
 * the tracker set that sent it: after a reload, messages from the replaced set are dropped.
 */
sealed interface TrackerMessage {
    Object from();

    /** A vrrp_script run ended. */
    record ScriptDone(Object from, int script, ScriptOutcome outcome) implements TrackerMessage {
    }

    /** A track_file was written, moved in or removed ({@code value} is 0 when removed). */
    record FileRead(Object from, int file, FileValue value) implements TrackerMessage {
    }

    /** A /proc scan counted {@code running} processes for each vrrp_track_process, in config order. */
    record ProcessesCounted(Object from, long[] running) implements TrackerMessage {
    }
}
