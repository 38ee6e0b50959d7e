package io.jkeepalived.config;

import io.jkeepalived.config.model.KeepalivedConfig;
import java.util.List;

/**
 * The outcome of a load: the model (as much as could be read) and every diagnostic.
 *
 * @param config           the model; null only when the load stopped on a missing parameter
 * @param diagnostics      all messages in the order reported
 * @param worst            the worst class reported (decides the {@code -t} status)
 * @param missingParameter keepalived's fatal "missing a parameter": it exits 2 at once, even under -t
 * @param mainFileMissing  the main config file did not exist (keepalived -t says nothing and gives 0;
 *                         the daemon exits 6)
 */
public record LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics, ConfigError worst,
                         boolean missingParameter, boolean mainFileMissing) {

    public int configTestExitCode() {
        if (missingParameter) return 2;
        return worst.configTestExitCode();
    }
}
