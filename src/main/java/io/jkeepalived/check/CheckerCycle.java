package io.jkeepalived.check;

import io.jkeepalived.config.model.CheckTiming;

/**
 * One checker's retry/delay cycle, as each of keepalived 2.2.7's check_*.c epilogs runs it: what to log, when
 * to tell ipwrapper.c the checker is up or down, and how long until the next probe. Pure: time is only ever a
 * delay returned to the scheduler.
 *
 * <p>Common to all: at start-up (check_data.c) the retry budget is spent ({@code retry_it = retry}) so a first
 * failure counts at once, and an alpha checker starts down. The epilogs differ in detail, and those details
 * are observable in the log and the timeline, so each is kept (tcp_epilog, udp/icmp epilogs, dns_final,
 * smtp_final, http epilog/timeout_epilog, misc_check_child_thread).
 */
public final class CheckerCycle {
    private final CheckKind kind;
    private final CheckerState state;
    private final LvsPool pool;
    private final LvsEvents events;
    private final String label;
    private final long retry;
    private final long delayLoop;
    private final long delayBeforeRetry;
    private final boolean logAllFailures;
    // HTTP_GET/SSL_GET
    private final String[] urlPaths;
    private final boolean fastRecovery;
    private int urlIt;
    private int failedUrl = -1;
    // MISC_CHECK
    private final boolean miscDynamic;
    private final String miscProgram;
    private int lastExitCode = -1;
    // SMTP_CHECK: a probe scheduled by delay_loop (smtp_start_check_thread) resets the retry count
    private boolean smtpFresh = true;

    private long retryIt;

    CheckerCycle(CheckKind kind, CheckTiming timing, LvsPool.Rs rs, LvsPool pool, LvsEvents events,
                 boolean globalLogAllFailures, String[] urlPaths, boolean fastRecovery, boolean miscDynamic,
                 String miscProgram) {
        this.kind = kind;
        this.state = new CheckerState(rs, timing.alpha());
        this.pool = pool;
        this.events = events;
        this.label = rs.label;
        this.retry = timing.retry();
        this.delayLoop = timing.delayLoop().toNanos();
        this.delayBeforeRetry = timing.delayBeforeRetry().toNanos();
        this.logAllFailures = globalLogAllFailures || timing.logAllFailures();
        this.urlPaths = urlPaths == null ? new String[0] : urlPaths.clone();
        this.fastRecovery = fastRecovery;
        this.miscDynamic = miscDynamic;
        this.miscProgram = miscProgram;
        this.retryIt = retry;
        if (state.alpha) pool.startDown(state);
    }

    public CheckKind kind() {
        return kind;
    }

    CheckerState state() {
        return state;
    }

    long delayLoopNanos() {
        return delayLoop;
    }

    /**
     * A reload (ipwrapper.c migrate_checkers): a checker new to the configuration starts up with no retry spent
     * (check_data.c sets retry_it = retry only at the first start); one that matches an old checker of the same
     * real server takes over its state.
     */
    void reloaded(CheckerCycle old) {
        state.isUp = true;
        retryIt = 0;
        if (old == null) return;
        if (old.state.hasRun) state.isUp = old.state.isUp;
        state.hasRun = old.state.hasRun;
        if (old.retryIt != 0 && retry != 0) retryIt = old.retryIt >= retry ? retry - 1 : old.retryIt;
        state.curWeight = old.state.curWeight;
        lastExitCode = old.lastExitCode;
        urlIt = old.urlIt < urlPaths.length ? old.urlIt : 0;
        failedUrl = old.failedUrl < urlPaths.length ? old.failedUrl : -1;
    }

    /** ipwrapper.c migrate_checkers: a new checker that has not run spends its whole retry budget at once. */
    void oneFailureIsEnough() {
        retryIt = retry;
    }

    public boolean isUp() {
        return state.isUp;
    }

    /** HTTP_GET/SSL_GET: the index of the url the next probe fetches. */
    public int urlIndex() {
        return Math.max(urlIt, 0);
    }

    public boolean dynamic() {
        return miscDynamic;
    }

    /** What a probe that overran its hard limit counts as: the timeout keepalived's checker would report. */
    public Outcome overdue() {
        return switch (kind) {
            case MISC -> new Outcome.TimedOut();
            case HTTP, SSL -> new Outcome.Down("Timeout HTTP read");
            case SMTP -> new Outcome.Down("Read timeout from server [" + state.rs.address.host() + "]:"
                    + state.rs.address.port());
            case DNS -> new Outcome.Down("read timeout from socket");
            case TCP, UDP, PING -> new Outcome.Down("timeout", 0, true);
        };
    }

    /** Called as a probe starts (SMTP_CHECK's start thread resets the retry count). */
    void probing() {
        if (kind == CheckKind.SMTP && smtpFresh) retryIt = 0;
    }

    /** The outcome of a probe; returns the delay in nanoseconds until the next one. */
    public long onOutcome(Outcome outcome) {
        return switch (kind) {
            case TCP -> tcp(outcome);
            case UDP -> udpOrPing(outcome, "UDP connection to " + label + " success.",
                    "UDP_CHECK on service " + label + " failed after " + retry + " retries.",
                    "UDP_CHECK on service " + label + " failed.");
            case PING -> udpOrPing(outcome, "ICMP connection to " + label + " success.",
                    "ICMP CHECK on service " + label + " of " + state.rs.vs.label + " failed after " + retry + " retries.",
                    "ICMP CHECK on service " + label + " failed.");
            case DNS -> dns(outcome);
            case SMTP -> smtp(outcome);
            case HTTP, SSL -> http(outcome);
            case MISC -> misc(outcome);
        };
    }

    private void up(String alertMessage) {
        boolean wasUp = state.isUp;
        boolean rsWasAlive = state.rs.alive;
        pool.updateCheckerState(state, true);
        alert(!wasUp, rsWasAlive, alertMessage, "UP");
    }

    private void down(String alertMessage) {
        boolean wasUp = state.isUp;
        boolean rsWasAlive = state.rs.alive;
        pool.updateCheckerState(state, false);
        alert(wasUp, rsWasAlive, alertMessage, "DOWN");
    }

    private void alert(boolean changed, boolean rsWasAlive, String message, String word) {
        // no_checker_emails only mails when the real server itself changed (check_*.c)
        if (changed && state.rs.smtpAlert && (rsWasAlive != state.rs.alive || !pool.noCheckerEmails())) {
            events.smtpAlert(state.rs.vs.label, label, word, message);
        }
    }

    /** check_tcp.c tcp_epilog: retries run even while down, alternating with delay_loop. */
    private long tcp(Outcome o) {
        boolean ok = o instanceof Outcome.Up;
        if (!ok && state.isUp && logAllFailures) {
            boolean timeout = o instanceof Outcome.Down d && d.timeout();
            events.log("TCP connection to " + label + (timeout ? " timeout." : " failed."));
        }
        long delay;
        if (ok || retryIt >= retry) {
            delay = delayLoop;
            retryIt = 0;
            if (ok && (!state.isUp || !state.hasRun)) {
                events.log("TCP connection to " + label + " success.");
                up("=> TCP CHECK succeed on service <=");
            } else if (!ok && (state.isUp || !state.hasRun)) {
                events.log(retry > 0 && state.hasRun
                        ? "TCP_CHECK on service " + label + " failed after " + retry + " retries."
                        : "TCP_CHECK on service " + label + " failed.");
                down("=> TCP CHECK failed on service <=");
            }
        } else {
            delay = delayBeforeRetry;
            retryIt++;
        }
        state.hasRun = true;
        return delay;
    }

    /** check_udp.c udp_epilog and check_ping.c icmp_epilog: no retries once down. */
    private long udpOrPing(Outcome o, String success, String failedAfter, String failed) {
        boolean ok = o instanceof Outcome.Up;
        String what = kind == CheckKind.UDP ? "UDP" : "ICMP";
        long delay = delayLoop;
        if (ok || ((state.isUp || !state.hasRun) && retryIt >= retry)) {
            retryIt = 0;
            if (ok && (!state.isUp || !state.hasRun)) {
                events.log(success);
                up("=> " + what + " CHECK succeed on service <=");
            } else if (!ok && (state.isUp || !state.hasRun)) {
                events.log(retry > 0 && state.hasRun ? failedAfter : failed);
                down("=> " + what + " CHECK failed on service <=");
            }
        } else if (state.isUp) {
            delay = delayBeforeRetry;
            retryIt++;
        }
        state.hasRun = true;
        return delay;
    }

    /** check_dns.c dns_final: the failure is logged once the retries are spent (or with log_all_failures). */
    private long dns(Outcome o) {
        if (o instanceof Outcome.Up) {
            if (!state.isUp || !state.hasRun) up("=> DNS_CHECK: succeed on service <=");
        } else if (state.isUp || !state.hasRun) {
            String detail = detail(o);
            if (logAllFailures || retryIt >= retry) {
                String line = detail + (state.hasRun && retryIt >= retry ? " after " + retry + " retries" : "");
                events.log("DNS_CHECK (" + label + ") " + line);
            }
            if (retryIt < retry) {
                retryIt++;
                state.hasRun = true;
                return delayBeforeRetry;
            }
            down("=> DNS_CHECK: failed on service <=");
        }
        retryIt = 0;
        return delayLoop;
    }

    /** check_smtp.c smtp_final: every delay_loop round starts with a fresh retry count. */
    private long smtp(Outcome o) {
        if (o instanceof Outcome.Up) {
            retryIt = 0;
            if (!state.isUp || !state.hasRun) {
                events.log("Remote SMTP server " + label + " succeed on service.");
                up("=> CHECK succeed on service <=");
            }
            state.hasRun = true;
            smtpFresh = true;
            return delayLoop;
        }
        String detail = detail(o);
        if ((state.isUp || !state.hasRun) && (logAllFailures || retryIt >= retry)) {
            events.log("SMTP_CHECK " + detail);
        }
        if (++retryIt <= retry) {
            smtpFresh = false;
            return delayBeforeRetry;
        }
        if (state.isUp || !state.hasRun) down("=> CHECK failed on service : " + detail + " <=");
        smtpFresh = true;
        return delayLoop;
    }

    private enum HttpStep { NEW, RETRY, FAILED }

    /** check_http.c http_handle_response / timeout_epilog / epilog, shared by HTTP_GET and SSL_GET. */
    private long http(Outcome o) {
        if (o instanceof Outcome.Up u) {
            if (!state.isUp && urlPaths.length > 0) {
                events.log(u.detail() + " success to " + label + " url(" + urlPaths[urlIndex()] + ")");
            }
            return httpEpilog(HttpStep.NEW);
        }
        if (state.isUp || !state.hasRun) {
            if (logAllFailures) events.log(detail(o) + " server " + label + ".");
            state.hasRun = true;
            return httpEpilog(HttpStep.RETRY);
        }
        return httpEpilog(HttpStep.FAILED);
    }

    private long httpEpilog(HttpStep step) {
        if (step == HttpStep.NEW) {
            urlIt = urlIt + 1 >= urlPaths.length ? -1 : urlIt + 1;
            retryIt = 0;
        } else if (step == HttpStep.RETRY) {
            retryIt++;
        }
        if (step == HttpStep.NEW && urlIt == -1 && failedUrl == -1) {
            if (!state.isUp || !state.hasRun) {
                events.log("Remote Web server " + label + " succeed on service.");
                up("=> CHECK succeed on service <=");
                state.hasRun = true;
            }
            urlIt = 0;
            retryIt = 0;
        } else if (step == HttpStep.RETRY && retryIt > retry) {
            if (state.isUp || !state.hasRun) {
                events.log(state.hasRun && retry > 0
                        ? "HTTP_CHECK on service " + label + " failed after " + (retryIt - 1) + " retries."
                        : "HTTP_CHECK on service " + label + " failed.");
                down("=> CHECK failed on service : HTTP request failed <=");
            }
            failedUrl = Math.max(urlIt, 0);
        } else if (step == HttpStep.NEW && failedUrl != -1) {
            // the failed url answers again: go through every url from the first before calling it up
            failedUrl = -1;
            urlIt = 0;
            retryIt = 0;
        }
        long delay;
        if (step == HttpStep.NEW) {
            delay = delayLoop;
            if (!state.hasRun) retryIt = retry;
        } else if (failedUrl != -1) {
            delay = Math.max(delayBeforeRetry, delayLoop);
        } else {
            delay = delayBeforeRetry;
        }
        if (urlIt == -1) urlIt = 0;
        if (fastRecovery && (!state.hasRun || (!state.isUp && failedUrl == -1))) return 0;
        return delay;
    }

    /** check_misc.c misc_check_child_thread: exit codes, misc_dynamic weights, its own retry messages. */
    private long misc(Outcome o) {
        String exitType = null;
        String reason = null;
        int reasonCode = 0;
        boolean success = false;
        boolean messageOnly = false;
        if (o instanceof Outcome.Up u) {
            int status = u.status();
            if (status != lastExitCode) {
                long effective = state.rs.effectiveWeight - state.curWeight;
                state.curWeight = status != 0 ? status - 2 - state.rs.iweight : 0;
                effective += state.curWeight;
                pool.updateWeight(effective, state.rs, true);
                lastExitCode = status;
            }
            if (!state.isUp || !state.hasRun) {
                exitType = "succeeded";
                success = true;
            }
            retryIt = 0;
        } else if (state.isUp || !state.hasRun) {
            boolean exited = o instanceof Outcome.Down;
            if (o instanceof Outcome.Down d) {
                exitType = "failed";
                reason = "exited with status";
                reasonCode = d.code();
            } else if (o instanceof Outcome.Signalled s) {
                exitType = "failed";
                reason = "due to signal";
                reasonCode = s.signal();
            } else {
                exitType = "timed out";
            }
            if (retryIt < retry) {
                retryIt++;
                if (logAllFailures) messageOnly = true;
                else exitType = null;
            } else {
                retryIt = 0;
                if (exited) {
                    state.rs.effectiveWeight -= state.curWeight;
                    state.curWeight = 0;
                    lastExitCode = reasonCode;
                }
            }
        }
        if (exitType != null) {
            String message = "";
            if (!success) {
                String retries = retry == 1 ? "retry" : "retries";
                if (retry == 0) message = " with retry disabled";
                else if (retryIt == 1) message = ", will do " + retry + " " + retries;
                else if (retryIt > 1) message = " on retry " + (retryIt - 1) + "/" + retry;
                else message = " after " + retry + " " + retries;
            }
            events.log("Misc check for [" + label + " VS " + state.rs.vs.label + "] by [" + miscProgram + "] "
                    + exitType + message + (reason != null ? " (" + reason + " " + reasonCode + ")" : "") + ".");
            if (!messageOnly) {
                boolean rsWasAlive = state.rs.alive;
                pool.updateCheckerState(state, success);
                if (!success) state.curWeight = 0;
                if (state.rs.smtpAlert && (rsWasAlive != state.rs.alive || !pool.noCheckerEmails())) {
                    events.smtpAlert(state.rs.vs.label, label, success ? "UP" : "DOWN",
                            "=> MISC CHECK " + exitType + " on service <=");
                }
            }
        }
        state.hasRun = true;
        return retryIt > 0 ? delayBeforeRetry : delayLoop;
    }

    private static String detail(Outcome o) {
        return switch (o) {
            case Outcome.Down d -> d.detail();
            case Outcome.TimedOut t -> "timed out";
            case Outcome.Signalled s -> "due to signal " + s.signal();
            case Outcome.Up u -> u.detail();
        };
    }
}
