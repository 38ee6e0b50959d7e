package io.jkeepalived.check;

/**
 * One look at a real server (a TCP connect, an HTTP GET, a DNS query, a script run…). Runs on a virtual
 * thread and must return within its own deadline (connect_timeout, misc_timeout): every blocking step is
 * bounded, so a hung server costs one parked virtual thread until the timeout, never a carrier.
 */
@FunctionalInterface
public interface Probe {
    /**
     * @param urlIndex HTTP_GET/SSL_GET: which url to fetch; ignored by the others
     */
    Outcome run(int urlIndex) throws InterruptedException;
}
