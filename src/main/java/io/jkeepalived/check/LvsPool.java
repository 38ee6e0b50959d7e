package io.jkeepalived.check;

import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The virtual servers' pools as keepalived's ipwrapper.c keeps them: which real servers are alive, each one's
 * effective weight, each virtual server's quorum state and sorry server. Pure and single-threaded: every
 * decision leaves through {@link LvsEvents} (log lines, IPVS commands, notify scripts, SMTP alerts) in
 * keepalived's order, so the timeline can be compared line by line.
 */
public final class LvsPool {
    /** keepalived's IPVS_WEIGHT_MAX (INT32_MAX) and the fault floor (a weight ≤ 0 counts as 0). */
    static final long WEIGHT_MAX = Integer.MAX_VALUE;

    /** A virtual server's live state (keepalived's virtual_server_t). */
    public static final class Vs {
        final VirtualServer cfg;
        final String label;
        final List<Rs> realServers = new ArrayList<>();
        final Rs sorry;
        boolean quorumUp;
        boolean alive;
        boolean reloaded;

        Vs(VirtualServer cfg) {
            this.cfg = cfg;
            this.label = cfg.label();
            this.sorry = cfg.sorryServer().map(s -> new Rs(this, s.address(), 1, s.inhibit(), false, null)).orElse(null);
        }

        public String label() {
            return label;
        }

        public boolean quorumUp() {
            return quorumUp;
        }

        public List<Rs> realServers() {
            return realServers;
        }
    }

    /** A real (or sorry) server's live state (keepalived's real_server_t). */
    public static final class Rs {
        final Vs vs;
        final Endpoint address;
        final String label;
        final long iweight;
        final boolean inhibit;
        final boolean smtpAlert;
        final RealServer cfg;
        boolean alive;
        boolean set;
        boolean reloaded;
        int numFailedCheckers;
        long effectiveWeight;
        long previousWeight;

        Rs(Vs vs, Endpoint address, long weight, boolean inhibit, boolean smtpAlert, RealServer cfg) {
            this.vs = vs;
            this.address = address;
            this.label = address.trio(vs.cfg.protocol());
            this.iweight = weight;
            this.effectiveWeight = weight;
            this.inhibit = inhibit;
            this.smtpAlert = smtpAlert;
            this.cfg = cfg;
        }

        public String label() {
            return label;
        }

        public boolean alive() {
            return alive;
        }

        public long weight() {
            return realWeight(effectiveWeight);
        }

        public Vs vs() {
            return vs;
        }
    }

    private final List<Vs> virtualServers = new ArrayList<>();
    private final LvsEvents events;
    private final boolean rsInitNotifies;
    private final boolean noCheckerEmails;
    private long changes;

    public LvsPool(LvsConfig lvs, GlobalDefs.Lvs globals, LvsEvents events) {
        this.events = events;
        this.rsInitNotifies = globals != null && globals.rsInitNotifies();
        this.noCheckerEmails = globals != null && globals.noCheckerEmails();
        for (VirtualServer v : lvs.virtualServers()) {
            Vs vs = new Vs(v);
            for (RealServer r : v.realServers()) {
                vs.realServers.add(new Rs(vs, r.address(), r.weight(), r.inhibitOnFailure(), r.smtpAlert(), r));
            }
            virtualServers.add(vs);
        }
    }

    public List<Vs> virtualServers() {
        return virtualServers;
    }

    /** global_defs no_checker_emails: mail only when a real server changes, not each checker. */
    boolean noCheckerEmails() {
        return noCheckerEmails;
    }

    static long realWeight(long w) {
        return w <= 0 ? 0 : Math.min(w, WEIGHT_MAX);
    }

    /** check_data.c: a checker that starts in alpha mode counts as failed and its real server as not alive. */
    void startDown(CheckerState c) {
        setCheckerState(c, false);
        c.rs.alive = false;
    }

    /** ipwrapper.c init_services: the services, the real servers without failed checkers, the quorum. */
    public void initServices() {
        for (Vs vs : virtualServers) {
            if (!vs.reloaded) vs.quorumUp = weighLive(vs) >= vs.cfg.quorum() + vs.cfg.hysteresis();
        }
        for (Vs vs : virtualServers) {
            if (!vs.alive) {
                ipvs(IpvsCommand.Kind.ADD, vs, null);
                vs.alive = true;
            }
            for (Rs rs : vs.realServers) {
                if (rs.reloaded) {
                    // a reload keeps a known server as it was; only a changed weight is applied
                    if (rs.effectiveWeight != rs.previousWeight) {
                        long w = rs.effectiveWeight;
                        rs.effectiveWeight = rs.previousWeight;
                        updateWeight(w, rs, false);
                    }
                    continue;
                }
                if ((rs.numFailedCheckers == 0 && !rs.alive) || (rs.inhibit && !rs.set)) {
                    ipvs(IpvsCommand.Kind.ADD_DEST, vs, rs);
                    if (rs.numFailedCheckers == 0) {
                        rs.alive = true;
                        if (rsInitNotifies) doRsNotifies(rs);
                    }
                }
            }
            updateQuorumState(vs, true);
            if (vs.sorry != null && vs.sorry.inhibit && !vs.sorry.set) {
                // the inhibited sorry server sits in the table at weight 0 (ipvs_cmd with a failed checker)
                vs.sorry.numFailedCheckers = 1;
                ipvs(IpvsCommand.Kind.ADD_DEST, vs, vs.sorry);
                vs.sorry.numFailedCheckers = 0;
            }
        }
    }

    /** ipwrapper.c perform_svr_state, for a reload that finds a server with no failed checker not alive. */
    void bringUp(Rs rs) {
        performSvrState(true, rs);
    }

    /** ipwrapper.c clear_service_rs(…, false): a real server gone from the configuration at a reload. */
    void removeRealServer(Rs rs) {
        Vs vs = rs.vs;
        if (rs.set) {
            events.log("Removing " + (rs.inhibit && !rs.alive ? "(inhibited) " : "") + "service " + rs.label
                    + " from VS " + vs.label);
        }
        if (!rs.set) return;
        ipvsForced(IpvsCommand.Kind.DEL_DEST, vs, rs);
        if (!rs.alive) return;
        rs.alive = false;
        doRsNotifies(rs);
        if (rs.smtpAlert) events.smtpAlert(vs.label, rs.label, "DOWN", "=> Removing <=");
    }

    /** ipwrapper.c update_vs_notifies(…, false): the quorum may be lost once servers are gone. */
    void updateVsNotifies(Vs vs) {
        long threshold = vs.cfg.quorum() - vs.cfg.hysteresis();
        long weightSum = weighLive(vs);
        if (vs.quorumUp && (weightSum == 0 || weightSum < threshold)) {
            vs.quorumUp = false;
            doVsNotifies(vs, false, threshold, weightSum, false);
        }
    }

    /** ipwrapper.c clear_service_vs(…, false): a virtual server gone from the configuration at a reload. */
    void removeVirtualServer(Vs vs) {
        if (vs.sorry != null && vs.sorry.set) {
            ipvsForced(IpvsCommand.Kind.DEL_DEST, vs, vs.sorry);
            vs.sorry.alive = false;
        }
        for (Rs rs : vs.realServers) removeRealServer(rs);
        updateVsNotifies(vs);
        ipvs(IpvsCommand.Kind.DEL, vs, null);
        vs.alive = false;
    }

    /** ipwrapper.c clear_diff_s_srv: the same sorry server keeps its state, another one is taken out. */
    void migrateSorry(Vs old, Vs now) {
        if (old.sorry == null) return;
        if (now.sorry != null && now.sorry.address.equals(old.sorry.address)) {
            now.sorry.alive = old.sorry.alive;
            now.sorry.set = old.sorry.set;
            now.sorry.reloaded = true;
        } else if (old.sorry.alive || (old.sorry.inhibit && old.sorry.set)) {
            events.log("Removing sorry server " + old.sorry.label + " from VS " + old.label);
            ipvsForced(IpvsCommand.Kind.DEL_DEST, old, old.sorry);
        }
    }

    /** ipwrapper.c update_svr_checker_state: a checker's verdict, combined with the server's other checkers. */
    void updateCheckerState(CheckerState c, boolean alive) {
        if (c.isUp == alive) {
            if (!c.hasRun) {
                if (c.alpha || !alive) doRsNotifies(c.rs);
                c.hasRun = true;
            }
            return;
        }
        c.hasRun = true;
        if (alive) {
            if (c.rs.numFailedCheckers <= 1) performSvrState(true, c.rs);
        } else if (c.rs.numFailedCheckers == 0) {
            performSvrState(false, c.rs);
        }
        setCheckerState(c, alive);
    }

    private static void setCheckerState(CheckerState c, boolean up) {
        if (c.isUp == up) return;
        c.isUp = up;
        if (!up) c.rs.numFailedCheckers++;
        else if (c.rs.numFailedCheckers > 0) c.rs.numFailedCheckers--;
    }

    private void performSvrState(boolean alive, Rs rs) {
        Vs vs = rs.vs;
        if (rs.alive == alive) return;
        events.log((alive ? (rs.inhibit ? "Enabl" : "Add") : (rs.inhibit ? "Disabl" : "Remov")) + "ing service "
                + rs.label + " " + (rs.inhibit ? "of" : alive ? "to" : "from") + " VS " + vs.label);
        // while the sorry server stands in for a lost quorum, the table is left alone
        if (vs.quorumUp || vs.sorry == null || !vs.sorry.alive) {
            ipvs(alive ? IpvsCommand.Kind.ADD_DEST : IpvsCommand.Kind.DEL_DEST, vs, rs);
        }
        rs.alive = alive;
        changes++;
        doRsNotifies(rs);
        updateQuorumState(vs, false);
    }

    /** ipwrapper.c update_svr_wgt: a MISC_CHECK (misc_dynamic) or FILE_CHECK weight change. */
    void updateWeight(long weight, Rs rs, boolean updateQuorum) {
        Vs vs = rs.vs;
        long newWeight = realWeight(weight);
        long oldWeight = realWeight(rs.effectiveWeight);
        rs.effectiveWeight = weight;
        changes++;
        if (newWeight == oldWeight) return;
        events.log("Changing weight from " + oldWeight + " to " + newWeight + " for " + (rs.alive ? "" : "in")
                + "active service " + rs.label + " of VS " + vs.label);
        if (rs.set && rs.alive && (vs.quorumUp || vs.sorry == null || !vs.sorry.alive)) {
            ipvs(IpvsCommand.Kind.EDIT_DEST, vs, rs);
        }
        if (updateQuorum) updateQuorumState(vs, false);
    }

    private long weighLive(Vs vs) {
        long sum = 0;
        for (Rs rs : vs.realServers) {
            if (rs.alive) sum += realWeight(rs.effectiveWeight);
        }
        return sum;
    }

    /** ipwrapper.c update_quorum_state: gain with quorum+hysteresis, lose below quorum-hysteresis or at 0. */
    private void updateQuorumState(Vs vs, boolean init) {
        long weightSum = weighLive(vs);
        long quorum = vs.cfg.quorum();
        long hysteresis = vs.cfg.hysteresis();
        long threshold = quorum + (vs.quorumUp ? -1 : 1) * hysteresis;
        if (!vs.quorumUp && weightSum >= threshold) {
            vs.quorumUp = true;
            events.log("Gained quorum " + quorum + "+" + hysteresis + "=" + threshold + " <= " + weightSum
                    + " for VS " + vs.label);
            if (vs.sorry != null && vs.sorry.alive) {
                events.log((vs.sorry.inhibit ? "Disabling" : "Removing") + " sorry server " + vs.sorry.label
                        + " from VS " + vs.label);
                ipvs(IpvsCommand.Kind.DEL_DEST, vs, vs.sorry);
                vs.sorry.alive = false;
                performQuorumState(vs, true);
            }
            doVsNotifies(vs, init, threshold, weightSum, false);
        } else if ((vs.quorumUp && (weightSum == 0 || weightSum < threshold))
                || (init && !vs.quorumUp && vs.sorry != null && !vs.sorry.alive)) {
            vs.quorumUp = false;
            events.log((init ? "Starting with quorum down" : "Lost quorum") + " " + quorum + "-" + hysteresis + "="
                    + threshold + " > " + weightSum + " for VS " + vs.label);
            if (vs.sorry != null && !vs.sorry.alive) {
                events.log((vs.sorry.inhibit ? "Enabling" : "Adding") + " sorry server " + vs.sorry.label
                        + " to VS " + vs.label);
                performQuorumState(vs, false);
                ipvs(IpvsCommand.Kind.ADD_DEST, vs, vs.sorry);
                vs.sorry.alive = true;
            }
            doVsNotifies(vs, init, threshold, weightSum, false);
        }
    }

    private void performQuorumState(Vs vs, boolean add) {
        events.log((add ? "Adding alive servers to" : "Removing alive servers from") + " the pool for VS " + vs.label);
        for (Rs rs : vs.realServers) {
            if (!rs.alive) continue;
            ipvs(add ? IpvsCommand.Kind.ADD_DEST : IpvsCommand.Kind.DEL_DEST, vs, rs);
        }
    }

    private void doVsNotifies(Vs vs, boolean init, long threshold, long weightSum, boolean stopping) {
        if (stopping && !vs.cfg.omega()) return;
        Optional<Script> script = vs.quorumUp ? vs.cfg.quorumUp() : vs.cfg.quorumDown();
        script.ifPresent(events::notify);
        events.fifo("VS " + vs.label + " " + (vs.quorumUp ? "UP" : "DOWN") + "\n");
        if (vs.cfg.smtpAlert()) {
            String message = stopping ? "=> Shutting down <="
                    : "=> " + (vs.quorumUp ? init ? "Starting with quorum up" : "Gained quorum"
                            : init ? "Starting with quorum down" : "Lost quorum")
                            + " " + vs.cfg.quorum() + "+" + vs.cfg.hysteresis() + "=" + threshold + " <= " + weightSum + " <=";
            events.smtpAlert(vs.label, null, vs.quorumUp ? "UP" : "DOWN", message);
        }
    }

    void doRsNotifies(Rs rs) {
        if (rs.cfg == null) return;
        Optional<Script> script = rs.alive ? rs.cfg.notifyUp() : rs.cfg.notifyDown();
        script.ifPresent(events::notify);
        events.fifo("RS " + rs.label + " " + rs.vs.label + " " + (rs.alive ? "UP" : "DOWN") + "\n");
    }

    /** ipwrapper.c clear_services at shutdown: every server out of the table, down notifiers with omega. */
    public void clearServices() {
        for (Vs vs : virtualServers) {
            if (vs.sorry != null && vs.sorry.set) {
                ipvsForced(IpvsCommand.Kind.DEL_DEST, vs, vs.sorry);
                vs.sorry.alive = false;
            }
            for (Rs rs : vs.realServers) clearServiceRs(vs, rs);
            vs.quorumUp = false;
            doVsNotifies(vs, false, vs.cfg.quorum() - vs.cfg.hysteresis(), weighLive(vs), true);
            ipvs(IpvsCommand.Kind.DEL, vs, null);
            vs.alive = false;
        }
    }

    private void clearServiceRs(Vs vs, Rs rs) {
        events.log("Shutting down " + (rs.inhibit && !rs.alive ? "(inhibited) " : "") + "service " + rs.label
                + " from VS " + vs.label);
        if (!rs.set) return;
        ipvsForced(IpvsCommand.Kind.DEL_DEST, vs, rs);
        if (!rs.alive) return;
        rs.alive = false;
        if (!vs.cfg.omega()) return;
        doRsNotifies(rs);
        if (rs.smtpAlert) events.smtpAlert(vs.label, rs.label, "DOWN", "=> Shutting down <=");
    }

    /** A delete that ignores inhibit_on_failure (keepalived clears the flag around it). */
    private void ipvsForced(IpvsCommand.Kind kind, Vs vs, Rs rs) {
        changes++;
        rs.set = false;
        events.ipvs(new IpvsCommand(kind, vs.label, rs.address, 0));
    }

    /** Counts table changes, so a snapshot of {@link #desired()} is rebuilt only when the table moved. */
    public long changes() {
        return changes;
    }

    /** ipvswrapper.c ipvs_cmd: inhibited servers are edited to weight 0 rather than deleted. */
    private void ipvs(IpvsCommand.Kind kind, Vs vs, Rs rs) {
        changes++;
        if (rs == null) {
            events.ipvs(new IpvsCommand(kind, vs.label, null, 0));
            return;
        }
        long weight = realWeight(rs.effectiveWeight);
        if (kind == IpvsCommand.Kind.DEL_DEST && rs.inhibit) {
            kind = IpvsCommand.Kind.EDIT_DEST;
            weight = 0;
        } else if (kind == IpvsCommand.Kind.ADD_DEST && rs.inhibit && rs.set) {
            kind = IpvsCommand.Kind.EDIT_DEST;
        } else if (kind == IpvsCommand.Kind.ADD_DEST && !rs.set) {
            rs.set = true;
            if (rs.inhibit && rs.numFailedCheckers > 0) weight = 0;
        } else if (kind == IpvsCommand.Kind.DEL_DEST && rs.set) {
            rs.set = false;
        }
        events.ipvs(new IpvsCommand(kind, vs.label, rs.address, weight));
    }

    /** The table keepalived would have in the kernel now: what a later IPVS client reconciles. */
    public IpvsTable desired() {
        List<IpvsTable.Service> services = new ArrayList<>();
        for (Vs vs : virtualServers) {
            if (!vs.alive) continue;
            List<IpvsTable.Dest> dests = new ArrayList<>();
            for (Rs rs : vs.realServers) {
                if (rs.set) dests.add(new IpvsTable.Dest(rs.address, rs.alive ? rs.weight() : rs.inhibit ? 0 : rs.weight()));
            }
            if (vs.sorry != null && vs.sorry.set) dests.add(new IpvsTable.Dest(vs.sorry.address, vs.sorry.alive ? 1 : 0));
            services.add(new IpvsTable.Service(vs.cfg, dests));
        }
        return new IpvsTable(services);
    }
}
