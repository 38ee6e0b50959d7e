package io.jkeepalived.check;

import io.jkeepalived.config.model.Script;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's {@link LvsEvents} until the IPVS client and the notify room take over: log lines as
 * keepalived writes them, IPVS commands recorded at trace level (there is no table to send them to), notify
 * scripts started through the script room without waiting (keepalived's notify_exec), SMTP alerts at trace level (the notify room sends mail).
 */
public final class LoggedLvsEvents implements LvsEvents {
    private static final Logger log = LoggerFactory.getLogger(CheckerRuntime.class);
    private final CheckScripts scripts;
    private final java.util.function.Consumer<String> fifo;

    public LoggedLvsEvents(CheckScripts scripts) {
        this(scripts, line -> {});
    }

    /** @param fifo where the notify_fifo / lvs_notify_fifo lines go */
    public LoggedLvsEvents(CheckScripts scripts, java.util.function.Consumer<String> fifo) {
        this.scripts = scripts;
        this.fifo = fifo;
    }

    @Override
    public void fifo(String line) {
        fifo.accept(line);
    }

    @Override
    public void log(String line) {
        log.info(line);
    }

    @Override
    public void ipvs(IpvsCommand command) {
        log.trace("IPVS (not available): {}", command);
    }

    @Override
    public void notify(Script script) {
        scripts.notify(script);
    }

    @Override
    public void smtpAlert(String vs, String rs, String state, String message) {
        log.trace("SMTP alert for {} {}: {}", rs == null ? vs : rs, state, message);
    }
}
