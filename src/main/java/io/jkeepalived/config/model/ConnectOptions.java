package io.jkeepalived.config.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how a checker connects: {@code connect_ip}/{@code connect_port} (default the real server),
 * {@code bindto}/{@code bind_port}, {@code bind_if}, {@code connect_timeout}, {@code fwmark} (SO_MARK).
 *
 * @param destination the address to check; its port is 0 when neither the real server nor connect_port gave one
 */
public record ConnectOptions(Endpoint destination, Optional<Endpoint> bindTo, Optional<String> bindInterface,
                             Duration connectTimeout, long fwmark) {}
