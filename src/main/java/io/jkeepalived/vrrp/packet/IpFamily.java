package io.jkeepalived.vrrp.packet;

/** The address family an instance speaks; fixes the size of every address in an advert. */
public enum IpFamily {
    IPV4(4),
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    public int addressLength() {
        return addressLength;
    }

    /** The family of a raw address, by its length (4 or 16 bytes). */
    public static IpFamily ofAddress(byte[] address) {
        return switch (address.length) {
            case 4 -> IPV4;
            case 16 -> IPV6;
            default -> throw new IllegalArgumentException("address of " + address.length + " bytes");
        };
    }
}
