package io.jkeepalived.notify;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.NotifyScripts;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.notify.NotifyCommands.Prepared;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCheck;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptFlag;
import io.jkeepalived.script.ScriptIdentity;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.script.ScriptSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the VRRP side's {@link Notifier} from the config as keepalived's VRRP child does at start
 * (vrrp.c check_vrrp_script_security, then notify_fifo_open): each notify script is checked in keepalived's
 * order (per instance backup, master, fault, stop, deleted, notify, master_rx_lower_pri; per group backup,
 * master, fault, stop, notify; then the FIFO scripts), the refused ones dropped with keepalived's reasons
 * logged; then notify_fifo and vrrp_notify_fifo are created and opened and their scripts started.
 */
public final class NotifySetup {
    private static final Logger log = LoggerFactory.getLogger(NotifySetup.class);

    private final ScriptSecurity security;
    private final ScriptIdentity ids;
    private final GlobalDefs.Scripts globals;
    private final Set<ScriptFlag> union = EnumSet.noneOf(ScriptFlag.class);

    public NotifySetup(GlobalDefs.Scripts globals, ScriptIdentity ids, ScriptSecurity security) {
        this.globals = globals;
        this.ids = ids;
        this.security = security;
    }

    /** With the system's accounts and PATH. */
    public static NotifySetup forConfig(KeepalivedConfig config) {
        GlobalDefs.Scripts g = config.globalDefs().scripts();
        return new NotifySetup(g, ScriptIdentity.system(), new ScriptSecurity(g.enableScriptSecurity()));
    }

    /** The flags of every script checked so far (for keepalived's "SECURITY VIOLATION" summary). */
    public Set<ScriptFlag> flags() {
        return union.isEmpty() ? Set.of() : EnumSet.copyOf(union);
    }

    /** The checked notify scripts of every instance and sync group. */
    public record Scripts(Map<String, Prepared> instances, Map<String, Prepared> groups,
                          Map<String, Boolean> notifyDeleted) {}

    /** Checks every instance's and group's notify scripts, in keepalived's order. */
    public Scripts scripts(KeepalivedConfig config) {
        Map<String, Prepared> instances = new LinkedHashMap<>();
        Map<String, Boolean> deleted = new HashMap<>();
        for (VrrpInstance v : config.vrrp().instances()) {
            instances.put(v.name(), prepareInstance(v.notifyScripts()));
            deleted.put(v.name(), v.notifyScripts() != null && v.notifyScripts().deletedFlag());
        }
        Map<String, Prepared> groups = new LinkedHashMap<>();
        for (SyncGroup g : config.vrrp().syncGroups()) groups.put(g.name(), prepareGroup(g.notifyScripts()));
        return new Scripts(instances, groups, deleted);
    }

    /** Checks the scripts, opens the FIFOs, starts their scripts. */
    public Notifier build(KeepalivedConfig config, ScriptRunner runner, Duration timeout) {
        Scripts s = scripts(config);
        return new Notifier(s.instances(), s.groups(), s.notifyDeleted(), fifos(config, runner), runner, timeout);
    }

    /** Checks the FIFO scripts, creates and opens notify_fifo and vrrp_notify_fifo, starts their scripts. */
    public List<NotifyFifo> fifos(KeepalivedConfig config, ScriptRunner runner) {
        GlobalDefs.Fifos f = config.globalDefs().fifos();
        ScriptCommand globalScript = fifoScript(f.global());
        ScriptCommand vrrpScript = fifoScript(f.vrrp());
        List<NotifyFifo> fifos = new ArrayList<>();
        openFifo(f.global(), globalScript, "", runner, fifos);
        openFifo(f.vrrp(), vrrpScript, "vrrp_", runner, fifos);
        return fifos;
    }

    private Prepared prepareInstance(NotifyScripts s) {
        if (s == null) return Prepared.NONE;
        ScriptCommand backup = check(s.backup());
        ScriptCommand master = check(s.master());
        ScriptCommand fault = check(s.fault());
        ScriptCommand stop = check(s.stop());
        ScriptCommand deleted = check(s.deleted());
        ScriptCommand generic = check(s.generic());
        ScriptCommand rxLower = check(s.masterRxLowerPri());
        return new Prepared(master, backup, fault, stop, generic, deleted, rxLower);
    }

    private Prepared prepareGroup(NotifyScripts s) {
        if (s == null) return Prepared.NONE;
        ScriptCommand backup = check(s.backup());
        ScriptCommand master = check(s.master());
        ScriptCommand fault = check(s.fault());
        ScriptCommand stop = check(s.stop());
        ScriptCommand generic = check(s.generic());
        return new Prepared(master, backup, fault, stop, generic, null, null);
    }

    private ScriptCommand fifoScript(GlobalDefs.Fifo fifo) {
        return fifo == null || fifo.path() == null ? null : check(fifo.script());
    }

    /** check_notify_script_secure: the command to run, or null when there is none or it is refused. */
    ScriptCommand check(Script script) {
        if (script == null || script.argv().isEmpty()) return null;
        RunAs as = runAs(script.user(), script.group());
        ScriptCheck c = security.check(script.argv(), as);
        for (String m : c.messages()) log.info("{}", m);
        union.addAll(c.flags());
        if (!c.runnableAsNotify()) return null;
        List<String> argv = c.argvToRun();
        return new ScriptCommand(argv.getFirst(), argv, as, NotifyCommands.DEFAULT_TIMEOUT, Duration.ZERO);
    }

    private RunAs runAs(String user, String group) {
        return ids.resolve(user, group, globals.scriptUser(), globals.scriptGroup());
    }

    private void openFifo(GlobalDefs.Fifo fifo, ScriptCommand script, String type, ScriptRunner runner,
                          List<NotifyFifo> out) {
        if (fifo == null || fifo.path() == null) return;
        RunAs owner = runAs(fifo.user(), fifo.group());
        NotifyFifo f = NotifyFifo.open(fifo.path(), owner, script == null ? null : script.withTimeout(Duration.ZERO),
                type, runner, ids.daemon());
        if (f != null) out.add(f);
    }
}
