package io.jkeepalived.config;

/** One configuration message: where, how bad, and what. {@code file} is null and {@code line} 0 when keepalived gives no position. */
public record Diagnostic(String file, int line, ConfigError kind, String message) {

    /** keepalived's form: {@code (FILE: Line N) message}, or the bare message when there is no position. */
    public String format() {
        if (file != null && line > 0) return "(" + file + ": Line " + line + ") " + message;
        if (line > 0) return "(Line " + line + ") " + message;
        return message;
    }

    @Override
    public String toString() {
        return format();
    }
}
