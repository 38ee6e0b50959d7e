package io.jkeepalived.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Collects diagnostics in order and remembers the worst class seen. Not thread-safe: one per load. */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();
    private final Consumer<Diagnostic> sink;
    private ConfigError worst = ConfigError.OK;

    public Diagnostics() {
        this(d -> {});
    }

    /** @param sink sees each diagnostic as it is reported (the {@code -t} printer, a logger) */
    public Diagnostics(Consumer<Diagnostic> sink) {
        this.sink = sink;
    }

    public void report(String file, int line, ConfigError kind, String message) {
        add(new Diagnostic(file, line, kind, message));
    }

    public void add(Diagnostic d) {
        list.add(d);
        worst = worst.worse(d.kind());
        sink.accept(d);
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(list);
    }

    public ConfigError worst() {
        return worst;
    }

    /** How many were reported (no list view made: asked once per line by the -t views). */
    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
