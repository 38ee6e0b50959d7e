package io.jkeepalived.config.model;

/**
 * A tracked object named by an instance or sync group (track_interface, track_script, track_file,
 * track_process, track_bfd), with the weight it applies (keepalived.conf(5): "weight W [reverse]").
 */
public record Tracked(String name, int weight, boolean reverse) {}
