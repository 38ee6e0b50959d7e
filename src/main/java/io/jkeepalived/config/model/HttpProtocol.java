package io.jkeepalived.config.model;

/** {@code http_protocol 1.0|1.0C|1.1}: 1.0C is 1.0 with {@code Connection: close}. */
public enum HttpProtocol { HTTP_1_0, HTTP_1_0C, HTTP_1_1 }
