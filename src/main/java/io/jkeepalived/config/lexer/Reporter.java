package io.jkeepalived.config.lexer;

import io.jkeepalived.config.ConfigError;

/** Reports a problem at the reader's current position (keepalived's report_config_error). */
@FunctionalInterface
interface Reporter {
    void report(ConfigError kind, String message);
}
