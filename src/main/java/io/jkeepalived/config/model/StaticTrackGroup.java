package io.jkeepalived.config.model;

import java.util.List;

/** A track_group block: instances put into FAULT when a static address/route/rule of the group is lost. */
public record StaticTrackGroup(String name, List<String> instances) {
    public StaticTrackGroup {
        instances = List.copyOf(instances);
    }
}
