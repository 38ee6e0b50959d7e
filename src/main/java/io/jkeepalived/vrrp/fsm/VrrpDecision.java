package io.jkeepalived.vrrp.fsm;

import java.util.Objects;

/**
 * What the machine asks the runtime to do, in the order given. The runtime executes; the machine never
 * touches sockets, addresses or clocks (STYLE.md habit 1). Times are absolute {@code NanoClock} values.
 */
public sealed interface VrrpDecision {

    DisarmTimer DISARM_TIMER = new DisarmTimer();
    AnnounceSourceAddress ANNOUNCE_SOURCE_ADDRESS = new AnnounceSourceAddress();

    /** Send one advertisement carrying {@code priority} (0 = we are stopping or leaving MASTER for FAULT). */
    record SendAdvert(int priority) implements VrrpDecision {
        private static final SendAdvert[] BY_PRIORITY = new SendAdvert[256];

        static {
            for (int p = 0; p < 256; p++) BY_PRIORITY[p] = new SendAdvert(p);
        }

        public SendAdvert {
            if (priority < 0 || priority > 255) throw new IllegalArgumentException("priority " + priority);
        }

        /** A shared instance: adverts go out every interval, no need for a new object each time. */
        public static SendAdvert of(int priority) {
            return BY_PRIORITY[priority];
        }
    }

    /**
     * Add the VIPs, eVIPs, virtual routes and rules; with {@code acceptMode} false also install the
     * no_accept drop rules (keepalived's accept-mode firewall handling). Under {@code -D} the runtime logs
     * keepalived's "(VI_1) setting VIPs." (and "setting E-VIPs.", "setting Virtual Routes", …) as it goes.
     */
    record AddVips(boolean acceptMode) implements VrrpDecision {
    }

    /**
     * Remove what {@link AddVips} added ("(VI_1) removing VIPs." under {@code -D}). Also drops any
     * gratuitous ARP burst still waiting (keepalived clears its delayed ARP queue and only sends while the
     * VIPs are set). The first one, at {@link VrrpEvent.Start}, is keepalived's start-up cleanup of
     * addresses left behind by an earlier run: errors are ignored, and it is skipped when the interface
     * did not exist yet.
     */
    record RemoveVips(boolean acceptMode) implements VrrpDecision {
    }

    /**
     * Send {@code repeat} rounds of gratuitous ARPs / unsolicited NAs for every VIP and eVIP, not before
     * {@code notBeforeNanos} (equal to the event's time for an immediate burst). A burst whose time comes
     * after a {@link RemoveVips} is skipped. Pacing between packets (vrrp_garp_interval, garp_group) is
     * the runtime's.
     */
    record SendGratuitousArps(int repeat, long notBeforeNanos, GarpReason reason) implements VrrpDecision {
        public SendGratuitousArps {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One gratuitous ARP / NA for our own unicast source address on leaving FAULT, so the master relearns
     * us before our master-down timer can run out (vrrp_scheduler.c try_up_instance).
     */
    record AnnounceSourceAddress() implements VrrpDecision {
    }

    /** The state changed (for metrics, dumps and sync groups; notify scripts follow {@link Notify}). */
    record StateChanged(VrrpState from, VrrpState to, TransitionReason reason) implements VrrpDecision {
        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Run notify_master/backup/fault/stop, the generic notify script, FIFO and SMTP for this state. */
    record Notify(VrrpState state, int priority) implements VrrpDecision {
        public Notify {
            Objects.requireNonNull(state, "state");
        }
    }

    /** notify_master_rx_lower_pri and the FIFO's MASTER_RX_LOWER_PRI event. */
    record NotifyMasterRxLowerPri(int priority) implements VrrpDecision {
    }

    /**
     * notify_priority_changes: the FIFO's priority event, MASTER_PRIORITY when {@code state} is MASTER and
     * BACKUP_PRIORITY otherwise (vrrp_notify.c send_instance_priority_notifies).
     */
    record NotifyPriorityChanged(VrrpState state, int priority) implements VrrpDecision {
        public NotifyPriorityChanged {
            Objects.requireNonNull(state, "state");
        }
    }

    /** (Re)arm the instance's single timer; replaces any earlier deadline. */
    record ArmTimer(long deadlineNanos) implements VrrpDecision {
    }

    /** The instance waits for no timer (FAULT, STOP). */
    record DisarmTimer() implements VrrpDecision {
    }

    /** A log line in keepalived's words, without the process prefix. */
    record Log(String line) implements VrrpDecision {
        public Log {
            Objects.requireNonNull(line, "line");
        }
    }
}
