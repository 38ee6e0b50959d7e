package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.harness.Capture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VRRP adverts of a capture, as tcpdump decodes them ({@code -tt}: epoch times in µs), so that
 * take-over times are measured on the wire rather than by a polling test thread.
 */
record AdvertTrace(List<Advert> adverts) {

    /** One advert: when it crossed the wire (epoch µs), its family, sender, VRID and priority. */
    record Advert(long micros, boolean ipv6, String source, int version, int vrid, int priority) {}

    // 1764089671.141465 IP6 fe80::1 > ff02::12: VRRPv3, Advertisement, vrid 60, prio 150, intvl 10cs, length 24
    private static final Pattern LINE = Pattern.compile(
            "^(\\d+)\\.(\\d{6}) (IP6?) (\\S+) > \\S+: VRRPv(\\d), Advertisement, vrid (\\d+), prio (\\d+)");

    static AdvertTrace of(Capture capture) {
        return parse(capture.packets("-tt"));
    }

    static AdvertTrace parse(List<String> tcpdumpLines) {
        List<Advert> out = new ArrayList<>();
        for (String line : tcpdumpLines) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) continue;
            long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
            out.add(new Advert(micros, m.group(3).equals("IP6"), m.group(4), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7))));
        }
        return new AdvertTrace(List.copyOf(out));
    }

    AdvertTrace where(Predicate<Advert> p) {
        return new AdvertTrace(adverts.stream().filter(p).toList());
    }

    /** Adverts of one virtual router: a VRID in one family (RFC 5798 §5.2.3: v4 and v6 routers are distinct). */
    AdvertTrace router(int vrid, boolean ipv6) {
        return where(a -> a.vrid() == vrid && a.ipv6() == ipv6);
    }

    AdvertTrace from(String source) {
        return where(a -> a.source().equals(source));
    }

    /** Adverts sent within [fromMicros, toMicros). */
    AdvertTrace between(long fromMicros, long toMicros) {
        return where(a -> a.micros() >= fromMicros && a.micros() < toMicros);
    }

    Optional<Advert> first() {
        return adverts.stream().findFirst();
    }

    Optional<Advert> last() {
        return adverts.isEmpty() ? Optional.empty() : Optional.of(adverts.getLast());
    }

    /** The first advert sent after {@code micros}. */
    Optional<Advert> firstAfter(long micros) {
        return adverts.stream().filter(a -> a.micros() > micros).findFirst();
    }

    List<String> sources() {
        return adverts.stream().map(Advert::source).distinct().toList();
    }

    int size() {
        return adverts.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Advert a : adverts) sb.append(a).append('\n');
        return sb.toString();
    }
}
