/**
 * Notify scripts and FIFOs for VRRP instances and sync groups (keepalived's vrrp_notify.c and the FIFO half of
 * lib/notify.c); the e-mail alerts live in {@code notify.smtp}.
 *
 * <p>{@link io.jkeepalived.notify.NotifySetup} checks the config's scripts at start (keepalived's order and
 * reasons, through {@code script.ScriptSecurity}) and opens notify_fifo / vrrp_notify_fifo, starting their
 * scripts with the FIFO's name as last argument. {@link io.jkeepalived.notify.Notifier} then turns each state
 * change into keepalived's sequence: the state's own script (no arguments), the generic {@code notify} with
 * {@code INSTANCE|GROUP name STATE priority} (0 for a group), and the FIFO line {@code INSTANCE "name" STATE
 * priority} ({@link io.jkeepalived.notify.FifoLine}); notify_master_rx_lower_pri and the priority-change
 * lines go to their script and the FIFO only. Nothing here knows the VRRP room: the daemon's
 * {@code NotifyListener} adapts {@code vrrp.runtime.VrrpListener} to the {@code Notifier} and passes every
 * transition on to the SMTP listener afterwards. Every call returns at once (scripts start on the
 * {@code script.ScriptRunner}'s thread, FIFO writes are non-blocking).
 *
 * <p>Shutdown and reload follow keepalived: the FIFO scripts get SIGTERM first, STOP scripts have one second
 * before their process group is killed, the FIFOs we created are unlinked; a reload reopens the FIFOs of the
 * new config and keeps a removed instance's scripts for its DELETED/FAULT announcement.
 */
package io.jkeepalived.notify;
