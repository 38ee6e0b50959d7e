package io.jkeepalived.config.model;

/**
 * How IPVS forwards to a server ({@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}).
 *
 * @param tunnelPort the GUE port (0 for other tunnel types)
 */
public record Forwarding(Method method, TunnelType tunnelType, int tunnelPort, TunnelChecksum checksum) {
    public enum Method { NAT, DR, TUN }

    public enum TunnelType { IPIP, GUE, GRE }

    public enum TunnelChecksum { NOCSUM, CSUM, REMCSUM }

    public static final Forwarding NAT = of(Method.NAT);

    public static Forwarding of(Method m) {
        return new Forwarding(m, TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);
    }
}
