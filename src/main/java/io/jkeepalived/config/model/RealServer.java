package io.jkeepalived.config.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code real_server IP [PORT] { … }} with the virtual server's defaults applied (check_data.c).
 *
 * @param retry            empty = each checker's own default
 * @param delayBeforeRetry empty = each checker's own default
 * @param warmup           empty = the checker's delay_loop
 */
public record RealServer(Endpoint address, long weight, Forwarding forwarding, long upperThreshold,
                         long lowerThreshold, boolean inhibitOnFailure, Optional<Script> notifyUp,
                         Optional<Script> notifyDown, boolean alpha, java.util.OptionalLong retry,
                         Duration connectTimeout, Duration delayLoop, Optional<Duration> delayBeforeRetry,
                         Optional<Duration> warmup, boolean smtpAlert, Optional<String> virtualhost,
                         Optional<String> snmpName, List<Checker> checkers, String file, int line) {
    public RealServer {
        checkers = List.copyOf(checkers);
    }
}
