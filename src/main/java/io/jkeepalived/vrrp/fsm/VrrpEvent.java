package io.jkeepalived.vrrp.fsm;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What can happen to one instance. Adverts arrive already validated by the codec and the receive checks
 * (keepalived-features §2.3): the machine only sees the fields that drive the election.
 */
public sealed interface VrrpEvent {

    Start START = new Start(0L);
    TimerFired TIMER_FIRED = new TimerFired(true);
    /** The timer fired, and the instance's sync group does not let it become MASTER yet. */
    TimerFired TIMER_FIRED_GROUP_NOT_READY = new TimerFired(false);
    InterfaceUp INTERFACE_UP = new InterfaceUp();
    InterfaceDown INTERFACE_DOWN = new InterfaceDown();
    AdvertRefused ADVERT_REFUSED = new AdvertRefused();

    /**
     * The daemon has finished initialising (vrrp_scheduler.c vrrp_init_state): leave INIT.
     * {@code startupDelayNanos} is global_defs vrrp_startup_delay (0 = none, and always 0 on reload):
     * BACKUP's master-down timers count from its end.
     */
    record Start(long startupDelayNanos) implements VrrpEvent {
        public Start {
            if (startupDelayNanos < 0) throw new IllegalArgumentException("negative startup delay");
        }
    }

    /**
     * SIGHUP kept this instance (vrrp.c clear_diff_vrrp / restore_vrrp_state, vrrp_scheduler.c
     * vrrp_init_state): leave INIT in the state it had before the reload, without a new election. A
     * MASTER stays MASTER with its addresses set and advertises at once; a BACKUP waits a master-down
     * interval; anything else (FAULT before, or a fault now) starts as at start-up, without its delay.
     *
     * @param previous  the state before the reload
     * @param vipsAdded addresses new to the configuration were added: a MASTER sends a GARP burst
     */
    record Resume(VrrpState previous, boolean vipsAdded) implements VrrpEvent {
        public Resume {
            Objects.requireNonNull(previous, "previous");
        }
    }

    /**
     * A valid advertisement for our VRID.
     *
     * @param source            the sender's IP source address (RFC 5798 §6.4.3 tie-break)
     * @param priority          0..255; 0 = the master is stopping
     * @param maxAdvertInterval the interval field as on the wire: v2 whole seconds, v3 centiseconds
     */
    record AdvertReceived(InetAddress source, int priority, int maxAdvertInterval) implements VrrpEvent {
        public AdvertReceived {
            Objects.requireNonNull(source, "source");
            if (priority < 0 || priority > 255) throw new IllegalArgumentException("priority " + priority);
            if (maxAdvertInterval < 0 || maxAdvertInterval > 0xFFF) {
                throw new IllegalArgumentException("advert interval " + maxAdvertInterval);
            }
        }
    }

    /**
     * A packet for our VRID that reached the instance and failed its checks (vrrp_check_packet's KO or
     * DROP: a wrong password, TTL, interval…). The election ignores it, but keepalived's dispatcher still
     * restarts a master's advert timer after it (vrrp_scheduler.c vrrp_dispatcher_read), so a master that
     * keeps hearing refused adverts just before its own falls silent: with mismatched passwords only one of
     * two masters is on the wire at a time.
     */
    record AdvertRefused() implements VrrpEvent {
    }

    /**
     * The instance's single timer (advert timer as MASTER, master-down timer as BACKUP) reached its deadline.
     * {@code groupAllowsMaster} is true outside sync groups; in a group it is keepalived's
     * vrrp_sync_can_goto_master: the group is MASTER already, or every other member wishes MASTER
     * ({@link VrrpMachine#wantState()}). When false a BACKUP keeps waiting another master-down interval.
     */
    record TimerFired(boolean groupAllowsMaster) implements VrrpEvent {
    }

    /**
     * The sync group pulls this member along (vrrp_sync.c vrrp_sync_master / _backup / _fault) after
     * another member changed state; {@code to} is MASTER, BACKUP or FAULT.
     */
    record GroupSync(VrrpState to) implements VrrpEvent {
        public GroupSync {
            if (to != VrrpState.MASTER && to != VrrpState.BACKUP && to != VrrpState.FAULT) {
                throw new IllegalArgumentException("a sync group moves members to MASTER, BACKUP or FAULT: " + to);
            }
        }
    }

    /**
     * The trackers' combined view (keepalived-features §2.8), recomputed by the tracking code on any change.
     *
     * @param priorityAdjustment  Σ of weighted trackers' current contributions, added to the configured priority
     * @param failedFaultTrackers weight-0 trackers (or their reverse) now failed, plus other fault sources
     *                            such as a missing source address: any &gt; 0 means FAULT
     * @param pendingFaultTrackers weight-0 scripts with no result yet: the instance waits in FAULT
     *                            (keepalived's num_script_init) but sends no FAULT notify for them
     */
    record TrackingChanged(int priorityAdjustment, int failedFaultTrackers, int pendingFaultTrackers)
            implements VrrpEvent {
        public TrackingChanged {
            if (failedFaultTrackers < 0 || pendingFaultTrackers < 0) {
                throw new IllegalArgumentException("negative tracker count");
            }
        }

        public TrackingChanged(int priorityAdjustment, int failedFaultTrackers) {
            this(priorityAdjustment, failedFaultTrackers, 0);
        }
    }

    /** The instance's own interface (or the base of its VMAC) came up. */
    record InterfaceUp() implements VrrpEvent {
    }

    /** The instance's own interface went down (ignored by the caller with dont_track_primary). */
    record InterfaceDown() implements VrrpEvent {
    }

    /**
     * SIGTERM. {@code releaseVips} is false under {@code -V/--dont-release-vrrp}: then a master neither
     * sends its priority-0 advert nor removes its addresses.
     */
    record Shutdown(boolean releaseVips) implements VrrpEvent {
    }
}
