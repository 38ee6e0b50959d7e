package io.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.CommandResult;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jkeepalived -t} must agree with {@code keepalived -t} (Debian's 2.2.7): same exit code and the same set
 * of line numbers in its messages, for every sample keepalived ships and every config of our corpus
 * (src/test/resources/corpus, see its README). Both run in one namespace that has the interfaces the configs
 * name. Differences listed in corpus/KNOWN_DIFFERENCES.txt are tolerated, and only those (a ratchet).
 */
@Tag("integration")
class DifferentialConfigTest {
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
    private static final Path CORPUS = NetLab.home().resolve("src/test/resources/corpus");
    private static final Path KNOWN = CORPUS.resolve("KNOWN_DIFFERENCES.txt");
    private static final Path REPORT = NetLab.home().resolve("target/differential-report.txt");
    private static final Path ACTUAL = NetLab.home().resolve("target/KNOWN_DIFFERENCES.actual.txt");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    /** Interfaces named by the samples and the corpus: eth0..eth3 and the VLAN-style eth0.1, all veths. */
    private static final List<String> INTERFACES = List.of("eth0", "eth1", "eth2", "eth3", "eth0.1");

    @RegisterExtension
    final NetLab lab = new NetLab();

    @Test
    void jkeepalivedConfigTestAgreesWithKeepalivedOnSamplesAndCorpus() throws Exception {
        Netns ns = lab.namespace("configs");
        for (int i = 0; i < INTERFACES.size(); i++) ns.vethPair(INTERFACES.get(i), "peer" + i);
        buildJkeepalivedOnce(ns);

        List<ConfigCase> cases = new ArrayList<>(samples());
        cases.addAll(corpus());
        assertThat(corpus()).as("corpus configs").hasSizeGreaterThanOrEqualTo(45);

        List<ConfigComparison> results = compareAll(ns, cases);
        KnownDifferences known = KnownDifferences.read(KNOWN);
        String table = DifferentialReport.table(results, known);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, header(results) + "\n" + table + DifferentialReport.details(results, known));
        Files.writeString(ACTUAL, KnownDifferences.render(results, known));

        List<ConfigComparison> fresh = results.stream()
                .filter(r -> !r.agrees() && !known.lists(r.config().id())).toList();
        List<ConfigComparison> fixed = results.stream()
                .filter(r -> r.agrees() && known.lists(r.config().id())).toList();
        List<String> ids = cases.stream().map(ConfigCase::id).toList();
        List<String> stale = known.reasons().keySet().stream().filter(id -> !ids.contains(id)).toList();
        if (fresh.isEmpty() && fixed.isEmpty() && stale.isEmpty()) return;

        StringBuilder msg = new StringBuilder(header(results)).append('\n');
        if (!fresh.isEmpty()) {
            msg.append(fresh.size()).append(" config(s) differ and are not in ").append(KNOWN)
               .append(": fix jkeepalived (or, for a known gap, list them with a reason)\n")
               .append(DifferentialReport.table(fresh, known)).append(DifferentialReport.details(fresh, known));
        }
        if (!fixed.isEmpty()) {
            msg.append("\n").append(fixed.size()).append(" config(s) now agree: remove them from ").append(KNOWN)
               .append(" so that they stay fixed\n").append(DifferentialReport.table(fixed, known));
        }
        if (!stale.isEmpty()) {
            msg.append("\nlisted in ").append(KNOWN).append(" but not tested (renamed or removed?): ").append(stale).append('\n');
        }
        msg.append("\nfull report: ").append(REPORT).append("\nlist matching this run: ").append(ACTUAL).append('\n');
        throw new AssertionError(msg.toString());
    }

    private static String header(List<ConfigComparison> results) {
        long agree = results.stream().filter(ConfigComparison::agrees).count();
        return "differential -t: " + results.size() + " configs, " + agree + " agree, " + (results.size() - agree) + " differ\n";
    }

    /** The launcher builds the jar when stale; one build up front rather than one racing per parallel run. */
    private static void buildJkeepalivedOnce(Netns ns) {
        CommandResult r = ns.exec(Duration.ofMinutes(10), List.of(jkeepalived(), "--version"));
        assertThat(r.exitCode()).as("bin/jkeepalived --version\n%s", r.describe()).isZero();
    }

    private static String jkeepalived() {
        return NetLab.home().resolve("bin/jkeepalived").toString();
    }

    private List<ConfigComparison> compareAll(Netns ns, List<ConfigCase> cases) throws Exception {
        Path pids = lab.dir().resolve("pids");
        Files.createDirectories(pids);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<ConfigCheckRun>> k = new ArrayList<>();
            List<Future<ConfigCheckRun>> jk = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                String conf = cases.get(i).path().toString();
                String p = pids.resolve("k" + i).toString();
                k.add(pool.submit(() -> check(ns, List.of("keepalived", "-t", "-f", conf,
                        "-p", p + ".pid", "-r", p + "_vrrp.pid", "-c", p + "_check.pid"))));
                jk.add(pool.submit(() -> check(ns, List.of(jkeepalived(), "-t", "-f", conf))));
            }
            List<ConfigComparison> out = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                out.add(new ConfigComparison(cases.get(i), k.get(i).get(), jk.get(i).get()));
            }
            return out;
        }
    }

    private static ConfigCheckRun check(Netns ns, List<String> command) {
        try {
            CommandResult r = ns.exec(RUN_TIMEOUT, command);
            return ConfigCheckRun.of(r.exitCode(), r.output());
        } catch (IllegalStateException timedOut) {
            return ConfigCheckRun.of(-1, String.valueOf(timedOut.getMessage()));
        }
    }

    /** keepalived's own samples; compressed ones are unpacked into the lab directory first. */
    private List<ConfigCase> samples() throws IOException {
        List<ConfigCase> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(SAMPLES)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("keepalived.conf")).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".gz")) {
                    name = name.substring(0, name.length() - 3);
                    Path copy = lab.dir().resolve("samples").resolve(name);
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                        Files.copy(in, copy);
                    }
                    p = copy;
                }
                out.add(new ConfigCase("samples/" + name, p));
            }
        }
        assertThat(out).as("keepalived samples in " + SAMPLES).isNotEmpty();
        return out;
    }

    /** Top-level corpus configs; files under corpus/include/ are only reached through include lines. */
    private static List<ConfigCase> corpus() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".conf")).sorted()
                    .map(f -> new ConfigCase(f.getFileName().toString(), f)).toList();
        }
    }
}
