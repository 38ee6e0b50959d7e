package io.jkeepalived.config.model;

/** Everything the VRRP side reads: instances, sync groups, trackers, static addresses/routes/rules. */
public record VrrpConfig() {}
