package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.NotifyScripts;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.Tracked;
import java.util.ArrayList;
import java.util.List;

/** A vrrp_sync_group while parsed; members are resolved after the whole file is read. */
final class SyncGroupBuilder {
    final RootBuilder root;
    final String name;
    List<String> members;
    final List<Tracked> trackIfs = new ArrayList<>();
    final List<Tracked> trackScripts = new ArrayList<>();
    final List<Tracked> trackFiles = new ArrayList<>();
    final List<Tracked> trackProcesses = new ArrayList<>();
    final List<Tracked> trackBfds = new ArrayList<>();
    Script master, backup, fault, stop, notify;
    Boolean smtpAlert;
    Boolean notifyPriorityChanges;
    boolean trackingWeight;

    SyncGroupBuilder(RootBuilder root, String name) {
        this.root = root;
        this.name = name;
    }

    SyncGroup build(List<String> resolved) {
        return new SyncGroup(name, resolved, trackIfs, trackScripts, trackFiles, trackProcesses, trackBfds,
                new NotifyScripts(master, backup, fault, stop, notify, null, false, null), smtpAlert,
                notifyPriorityChanges, trackingWeight);
    }
}
