package io.jkeepalived.vrrp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** VRRPv2 authentication types (RFC 3768 §5.3.6, keepalived's VRRP_AUTH_*); VRRPv3 has none. */
public enum AuthType {
    NONE(0),
    PASS(1),
    AH(2);

    /** keepalived keeps 8 bytes of auth_pass (RFC 3768 §5.3.10): the PASS field and the AH HMAC key. */
    public static final int DATA_LENGTH = 8;

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this on-wire code, or null when the code is not one keepalived knows. */
    public static AuthType ofCode(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> PASS;
            case 2 -> AH;
            default -> null;
        };
    }

    /** auth_pass as keepalived stores it: the first 8 bytes, zero padded. */
    public static byte[] authData(String password) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(raw, DATA_LENGTH);
    }
}
