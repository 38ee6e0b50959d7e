package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.Script;
import java.util.ArrayList;
import java.util.List;

/** A real_server while its block is read; null fields inherit from the virtual server (check_data.c). */
final class RsBuilder {
    final VsBuilder vs;
    final String file;
    final int line;
    Endpoint address;
    Long weight;
    Forwarding forwarding;
    long upperThreshold;
    long lowerThreshold;
    Boolean inhibit;
    Script notifyUp;
    Script notifyDown;
    Boolean alpha;
    Long retry;
    Long connectTimeoutMicros;
    Long delayLoopMicros;
    Long delayBeforeRetryMicros;
    Long warmupMicros;
    Boolean smtpAlert;
    String virtualhost;
    String snmpName;
    final List<CheckerBuilder> checkers = new ArrayList<>();
    /** BFD names already monitored by this server (BFD_CHECK refuses a second one). */
    final List<String> bfds = new ArrayList<>();

    RsBuilder(VsBuilder vs, String file, int line) {
        this.vs = vs;
        this.file = file;
        this.line = line;
    }
}
