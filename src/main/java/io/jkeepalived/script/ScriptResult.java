package io.jkeepalived.script;

/** How a script run ended. */
public sealed interface ScriptResult {

    /**
     * The program exited. The JDK reports a death by signal as 128 + the signal's number, as a shell does,
     * so {@code status} 129..192 may also be a signal: {@link #signal()} reads it that way.
     */
    record Exited(int status) implements ScriptResult {
        /** The signal that ended it if {@code status} is 128 + a signal number, else 0. */
        public int signal() {
            return status > 128 && status <= 128 + 64 ? status - 128 : 0;
        }
    }

    /** It ran past its timeout and its process group was killed ({@code signal} was the last one sent). */
    record TimedOut(int signal) implements ScriptResult {}

    /** It could not be started (fork/exec failure): {@code reason} is the JDK's or the OS's text. */
    record NotStarted(String reason) implements ScriptResult {}

    /** keepalived's view: an exit status of 0, nothing else, is success. */
    default boolean succeeded() {
        return this instanceof Exited(int status) && status == 0;
    }
}
