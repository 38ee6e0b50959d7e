package io.jkeepalived.config.model;

import java.time.Duration;

/**
 * A checker's schedule, resolved checker → real server → virtual server → checker default
 * (keepalived.conf(5); check_data.c): retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures.
 */
public record CheckTiming(long retry, Duration delayBeforeRetry, Duration warmup, Duration delayLoop,
                          boolean alpha, boolean logAllFailures) {}
