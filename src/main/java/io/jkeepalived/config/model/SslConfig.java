package io.jkeepalived.config.model;

import java.util.Optional;

/** The root {@code SSL { }} block: the client TLS context of SSL_GET checkers (keepalived.conf(5): SSL). */
public record SslConfig(Optional<String> password, Optional<String> ca, Optional<String> certificate,
                        Optional<String> key) {}
