package io.jkeepalived.config.parse;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a keyword handler may see besides its own block: the diagnostics, the line being handled, the
 * load's options (interfaces present, config id) and a typed scratch space for cross references that
 * keepalived resolves in definition order (a vrrp_script must come before the instance tracking it).
 */
public final class ParseContext {
    private final Diagnostics diagnostics;
    private final Predicate<String> interfaceExists;
    private final Map<Object, Object> scratch = new HashMap<>();
    private ConfLine current;

    public ParseContext(Diagnostics diagnostics, Predicate<String> interfaceExists) {
        this.diagnostics = diagnostics;
        this.interfaceExists = interfaceExists;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean interfaceExists(String name) {
        return interfaceExists.test(name);
    }

    public ConfLine current() {
        return current;
    }

    void setCurrent(ConfLine line) {
        current = line;
    }

    /** Reports at the line being handled, as keepalived's report_config_error does. */
    public void error(ConfigError kind, String message) {
        if (current == null) {
            diagnostics.report(null, 0, kind, message);
        } else {
            diagnostics.report(current.file(), current.line(), kind, message);
        }
    }

    /** Reports with no file or line (keepalived's checks after parsing: duplicate VRID, missing interface). */
    public void errorNoLine(ConfigError kind, String message) {
        diagnostics.report(null, 0, kind, message);
    }

    public void warning(String message) {
        error(ConfigError.WARNING, message);
    }

    private boolean valueBlockRefused;

    /**
     * Called from a value block's opening handler: the block is not read (keepalived's handlers that
     * return before alloc_value_block), so its lines are parsed as keywords of the enclosing block.
     */
    public void refuseValueBlock() {
        valueBlockRefused = true;
    }

    boolean takeValueBlockRefused() {
        boolean r = valueBlockRefused;
        valueBlockRefused = false;
        return r;
    }

    @SuppressWarnings("unchecked")
    public <V> V scratch(Object key, java.util.function.Supplier<V> init) {
        return (V) scratch.computeIfAbsent(key, k -> init.get());
    }
}
