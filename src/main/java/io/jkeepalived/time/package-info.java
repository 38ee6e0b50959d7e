/**
 * Time for the event loop: {@link io.jkeepalived.time.NanoClock} (monotonic nanoseconds, injected; the
 * system one reads {@code System.nanoTime()}), {@link io.jkeepalived.time.ManualNanoClock} for timelines in
 * tests, and {@link io.jkeepalived.time.DeadlineQueue}, the single-threaded, allocation-free set of timers
 * the event loop waits on ({@code nextDeadline()}) and polls. Pure cores never read a clock: the loop reads
 * it once per event and passes the value in. A leaf room: it imports nothing from the rest of jkeepalived.
 */
package io.jkeepalived.time;
