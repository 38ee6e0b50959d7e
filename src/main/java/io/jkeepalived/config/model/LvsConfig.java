package io.jkeepalived.config.model;

/** Everything the checker side reads: SSL, virtual_server_group, virtual_server with real servers and checkers. */
public record LvsConfig() {}
