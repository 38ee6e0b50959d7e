package io.jkeepalived.config.model;

/** global_defs and the root-level settings (net_namespace, instance, use_pid_dir, …). */
public record GlobalDefs() {}
