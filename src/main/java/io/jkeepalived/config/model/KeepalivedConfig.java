package io.jkeepalived.config.model;

/** A whole keepalived.conf, parsed and validated: immutable; a reload builds a new one. */
public record KeepalivedConfig(GlobalDefs globalDefs, VrrpConfig vrrp, LvsConfig lvs) {}
