package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Realistic configs (keepalived's own samples and a pre-processor workout, in config-seeds/) damaged at
 * random, then loaded whole: a load may only ever end in diagnostics (or keepalived's "missing a
 * parameter" outcome, which is a result too), never in an exception or a hang.
 *
 * <p>Numbers are never blown up on a ~SEQ line: keepalived itself would count to 2^63 there.
 */
class ConfigMutationProperties {
    private static final List<String> SEEDS = List.of("sample.conf", "conditional_conf.conf", "vrrp.scripts.conf",
            "SSL_GET.conf", "virtual_server_group.conf", "vrrp.sync.conf", "misc_check_arg.conf",
            "vrrp.localcheck.conf", "preprocessor.conf");

    private static final List<String> FRAGMENTS = List.of("{", "}", "\"", "'", "#", "!", "\\", "$", "${", "$X",
            "$IF", "@lb1 ", "@^lb1 ", "$NEW=1", "$ML=a \\", "~LST(v, a, b) ", "~SEQ(", ")", ",", "\t", " ",
            "99999999999999999999", "-1", "0x", "1.5", "é", "\u4e2d\u6587", "\uD83D\uDE00", "\u0000", "\r", "\f",
            "include", "includea ", "include_check", "vrrp_instance", "virtual_server", "global_defs");

    /** One change: what to do, where (reduced modulo the sizes), and what to insert. */
    record Mutation(int kind, int a, int b, String text, byte[] bytes) {}

    @Provide
    Arbitrary<Mutation> mutation() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().greaterOrEqual(0), text, bytes).as(Mutation::new);
    }

    @Property(tries = 300)
    void anyDamageEndsInDiagnosticsNotExceptions(@ForAll("seeds") String seed,
            @ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] config = mutate(seed(seed), mutations);
        Path dir = Files.createTempDirectory("jk-mut");
        try {
            Path main = dir.resolve("keepalived.conf");
            Files.write(main, config);
            Files.writeString(dir.resolve("extra.conf"), "global_defs {\n  router_id extra\n}\n");
            LoadOptions opts = LoadOptions.of(main).withConfigId("lb1").withInterfaces(name -> name.equals("eth0"));
            LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ConfigLoader.load(opts));
            assertThat(result).isNotNull();
            assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.message()).isNotNull());
            if (!result.missingParameter() && !result.mainFileMissing()) assertThat(result.config()).isNotNull();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(12);
    }

    private static String seed(String name) {
        try (InputStream in = ConfigMutationProperties.class.getResourceAsStream("/config-seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mutate(String seed, List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
        List<byte[]> raw = new ArrayList<>();
        for (Mutation m : mutations) {
            int n = lines.size();
            int i = m.a() % n;
            int j = m.b() % n;
            String line = lines.get(i);
            switch (m.kind()) {
                case 0 -> { if (n > 1) lines.remove(i); }
                case 1 -> lines.add(i, line);
                case 2 -> {
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 3 -> lines.set(i, insert(line, m.b(), m.text()));
                case 4 -> lines.set(i, removeOne(line, m.b(), "{}\""));
                case 5 -> lines.set(i, truncateWord(line, m.b()));
                case 6 -> lines.set(i, line.contains("~SEQ") ? line : hugeNumber(line));
                case 7 -> lines.add(i, m.text());
                case 8 -> raw.add(m.bytes()); // random bytes, spliced in below
                default -> lines.set(i, line.repeat(1 + m.b() % 40)); // long lines
            }
        }
        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 64);
        int pos = 0;
        for (int k = 0; k < raw.size(); k++) {
            int at = Math.max(pos, (int) ((long) text.length * (k + 1) / (raw.size() + 1)));
            out.write(text, pos, at - pos);
            out.writeBytes(raw.get(k));
            pos = at;
        }
        out.write(text, pos, text.length - pos);
        return out.toByteArray();
    }

    private static String insert(String line, int at, String text) {
        int p = at % (line.length() + 1);
        return line.substring(0, p) + text + line.substring(p);
    }

    private static String removeOne(String line, int from, String chars) {
        for (int k = 0; k < line.length(); k++) {
            int p = (from + k) % line.length();
            if (chars.indexOf(line.charAt(p)) >= 0) return line.substring(0, p) + line.substring(p + 1);
        }
        return line;
    }

    private static String truncateWord(String line, int at) {
        if (line.isEmpty()) return line;
        int p = at % line.length();
        int end = p;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
        int cut = p + (end - p) / 2;
        return line.substring(0, cut) + line.substring(end);
    }

    private static String hugeNumber(String line) {
        StringBuilder b = new StringBuilder(line.length() + 20);
        boolean done = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (!done && Character.isDigit(c)) {
                b.append("184467440737095516160");
                while (k + 1 < line.length() && Character.isDigit(line.charAt(k + 1))) k++;
                done = true;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
