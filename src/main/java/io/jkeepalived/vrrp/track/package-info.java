/**
 * Tracking, pure (keepalived 2.2.7's vrrp_track.c, vrrp_scheduler.c vrrp_script_child_thread,
 * trackers/track_file.c, core/track_process.c): what each tracker's state is, and what an owner's list of
 * tracked objects adds up to ({@link io.jkeepalived.vrrp.fsm.VrrpEvent.TrackingChanged}). No threads, no
 * files, no processes: the runtime runs scripts, reads files and scans /proc, and passes the results and
 * the time in. Per tracker and per owner, so that a sync group's trackers use the same code.
 */
package io.jkeepalived.vrrp.track;
