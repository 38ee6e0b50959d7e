package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.NetException;
import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.linux.ThreadScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the VRRP threads (the event loop, the receivers) ask the kernel to schedule them, applied by each
 * thread to itself. keepalived sets its VRRP process's nice (vrrp_priority) or SCHED_RR (vrrp_rt_priority)
 * in lib/process.c; here the same settings go to the threads that do the VRRP work, not to the JVM's
 * compiler and GC threads. Timer slack is set to 1 ns always: keepalived waits on a timerfd, which the
 * kernel fires without slack, while a JVM's timed park would be allowed 50 µs (docs/DECISIONS.md).
 */
final class LoopScheduling {
    private static final Logger log = LoggerFactory.getLogger(LoopScheduling.class);
    /** PR_SET_TIMERSLACK takes 0 as "back to the default", so the smallest real slack is 1 ns. */
    private static final long TIMER_SLACK_NANOS = 1;

    private LoopScheduling() {
    }

    /** Applies the options to the calling thread; a refusal is logged in keepalived's words, never fatal. */
    static void applyToCurrentThread(RuntimeOptions options) {
        try {
            ThreadScheduling.timerSlack(TIMER_SLACK_NANOS);
        } catch (NetException | IllegalStateException | UnsatisfiedLinkError e) {
            log.debug("Cannot set timer slack: {}", e.getMessage());
        }
        if (options.realtimePriority() > 0) {
            try {
                ThreadScheduling.roundRobin(options.realtimePriority());
            } catch (NetException | IllegalStateException e) {
                log.warn("child process: cannot raise priority");
            }
        } else if (options.niceValue() != 0) {
            try {
                ThreadScheduling.nice(options.niceValue());
            } catch (NetException e) {
                log.info("Unable to set process priority to {} - {}", options.niceValue(), Libc.strerror(e.errno()));
            } catch (IllegalStateException e) {
                log.info("Unable to set process priority to {} - {}", options.niceValue(), e.getMessage());
            }
        }
    }
}
