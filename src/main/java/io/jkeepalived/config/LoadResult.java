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
 * @param fileError        an include problem was an error under the include strictness in force
 *                         (keepalived's had_config_file_error()): keepalived stops once the parent has read
 *                         the configuration, -t included, with exit status 6; only the parent's messages
 *                         are in {@code diagnostics}
 * @param otherNamespace   the config names a net_namespace: keepalived -t then reports only the parent's
 *                         messages and exits 0 whatever they say
 */
public record LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics, ConfigError worst,
                         boolean missingParameter, boolean mainFileMissing, boolean fileError,
                         boolean otherNamespace) {

    /** KEEPALIVED_EXIT_NO_CONFIG, keepalived's status after a config file error. */
    public static final int EXIT_NO_CONFIG = 6;

    public LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics, ConfigError worst,
                      boolean missingParameter, boolean mainFileMissing) {
        this(config, diagnostics, worst, missingParameter, mainFileMissing, false, false);
    }

    public LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics, ConfigError worst,
                      boolean missingParameter, boolean mainFileMissing, boolean fileError) {
        this(config, diagnostics, worst, missingParameter, mainFileMissing, fileError, false);
    }

    public int configTestExitCode() {
        if (missingParameter) return 2;
        if (fileError) return EXIT_NO_CONFIG;
        if (otherNamespace) return 0;
        return worst.configTestExitCode();
    }
}
