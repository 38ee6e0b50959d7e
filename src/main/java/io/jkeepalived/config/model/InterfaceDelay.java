package io.jkeepalived.config.model;

/** One line of interface_up_down_delays: how long a link change must last before it counts. */
public record InterfaceDelay(String ifname, long downMicros, long upMicros) {}
