package io.jkeepalived.vrrp.fsm;

/** VRRP protocol version: 2 (RFC 3768, intervals in seconds) or 3 (RFC 5798, intervals in centiseconds). */
public enum VrrpVersion {
    V2(2),
    V3(3);

    private final int number;

    VrrpVersion(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static VrrpVersion of(int number) {
        return switch (number) {
            case 2 -> V2;
            case 3 -> V3;
            default -> throw new IllegalArgumentException("VRRP version must be 2 or 3: " + number);
        };
    }
}
