package io.jkeepalived.config.model;

import java.util.List;

/**
 * A vrrp_sync_group: its members change state together (keepalived.conf(5) vrrp_sync_group).
 *
 * @param name                 the group's name
 * @param members              names of its vrrp_instances, resolved after parsing
 * @param trackInterfaces      tracking applied to every member
 * @param trackScripts         "
 * @param trackFiles           "
 * @param trackProcesses       "
 * @param trackBfds            "
 * @param notifyScripts             group notify scripts
 * @param smtpAlert            null when not set (then the global setting applies)
 * @param notifyPriorityChanges null when not set
 * @param trackingWeight       {@code sync_group_tracking_weight} (or the deprecated {@code global_tracking})
 */
public record SyncGroup(String name, List<String> members, List<Tracked> trackInterfaces, List<Tracked> trackScripts,
                        List<Tracked> trackFiles, List<Tracked> trackProcesses, List<Tracked> trackBfds,
                        NotifyScripts notifyScripts, Boolean smtpAlert, Boolean notifyPriorityChanges,
                        boolean trackingWeight) {
    public SyncGroup {
        members = List.copyOf(members);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        trackBfds = List.copyOf(trackBfds);
    }
}
