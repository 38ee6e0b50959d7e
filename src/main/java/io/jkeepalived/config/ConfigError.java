package io.jkeepalived.config;

/**
 * keepalived's classes of configuration problem, in keepalived 2.2.7's order. keepalived keeps the
 * numerically largest class reported and maps it to the {@code -t} exit status, so the order matters:
 * a warning outranks a "cannot run" error.
 */
public enum ConfigError {
    OK,
    // keepalived cannot run the config
    FILE_NOT_FOUND,
    BAD_IF,
    FATAL,
    // errors, but keepalived still runs
    MULTIPLE_FILES,
    UNKNOWN_KEYWORD,
    UNEXPECTED_BOB,
    MISSING_BOB,
    UNEXPECTED_EOB,
    MISSING_EOB,
    UNMATCHED_QUOTE,
    MISSING_PARAMETER,
    INVALID_NUMBER,
    GENERAL_ERROR,
    WARNING,
    DEPRECATED,
    // script security not enabled when needed
    SECURITY_ERROR;

    public boolean cannotRun() {
        return this == FILE_NOT_FOUND || this == BAD_IF || this == FATAL;
    }

    public ConfigError worse(ConfigError other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The {@code -t} exit status keepalived 2.2.7 gives for this worst class (measured, not the man page). */
    public int configTestExitCode() {
        if (this == OK) return 0;
        if (cannotRun()) return 4;
        if (this == SECURITY_ERROR) return 6;
        return 5;
    }
}
