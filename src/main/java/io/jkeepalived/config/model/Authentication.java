package io.jkeepalived.config.model;

/** VRRPv2 authentication (RFC 2338 §5.3.6): PASS sends the password in clear, AH uses IPsec AH. */
public record Authentication(Type type, String password) {
    public enum Type { PASS, AH }
}
