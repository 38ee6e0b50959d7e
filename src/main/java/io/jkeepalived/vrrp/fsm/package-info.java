/**
 * The VRRP state machine, pure: keepalived 2.2.7's behaviour (vrrp.c, vrrp_scheduler.c, vrrp_track.c) on
 * top of RFC 3768 / RFC 5798 §6.4, with no sockets, bytes, threads or clocks.
 *
 * <h2>Driving it (the runtime's side)</h2>
 * <ul>
 *   <li>One {@link io.jkeepalived.vrrp.fsm.VrrpMachine} per {@code vrrp_instance}, built from an
 *       {@link io.jkeepalived.vrrp.fsm.InstanceSpec} that is already completed the way keepalived completes
 *       an instance (strict-mode and owner corrections, GARP values resolved from globals).</li>
 *   <li>Before {@code Start}, report the trackers' initial view ({@code TrackingChanged}) and a down
 *       interface ({@code InterfaceDown}); the cause lines "(VI_1): entering FAULT state (interface eth0
 *       down)" / "… due to script chk" are the tracking code's. Then send {@code Start} (with
 *       vrrp_startup_delay).</li>
 *   <li>Feed validated adverts ({@code AdvertReceived}), tracker changes, link changes and {@code
 *       Shutdown}, each with the event loop's {@code NanoClock} time.</li>
 *   <li>Keep one {@link io.jkeepalived.time.DeadlineQueue} timer per machine: {@code ArmTimer} (re)arms it,
 *       {@code DisarmTimer} cancels it; on expiry send {@code TimerFired}. A timer decision, when present,
 *       is the last of a batch.</li>
 *   <li>Execute the other decisions in order: adverts carry the priority given (the advert interval
 *       field is the configured one), {@code SendGratuitousArps} may lie in the future and is dropped when a
 *       {@code RemoveVips} comes first, {@code Notify} runs notify scripts, FIFO and SMTP, {@code Log} lines
 *       are keepalived's wording without the process prefix.</li>
 * </ul>
 *
 * <h2>Sync groups</h2>
 * The member's side only: {@code wantState()} (keepalived's wantstate), {@code TimerFired(false)} when the
 * group may not go MASTER yet (vrrp_sync_can_goto_master), and {@code GroupSync(to)} when the group pulls
 * the member along. The group's state, its notifies ("VRRP_Group(G) Syncing instances to MASTER state"),
 * suppressing a member's notify when it is already in the group's state, and the fault counting across
 * members belong to the group.
 *
 * <h2>Not here</h2>
 * Receive validation (TTL, checksums, auth, VIP-list mismatch logging: the codec and receive checks),
 * reload state carry-over ({@code reload_master}), the sync-group gate when an owner leaves FAULT,
 * {@code owner_ignore_adverts} and {@code timer_expired_backup} (newer than 2.2.7).
 */
package io.jkeepalived.vrrp.fsm;
