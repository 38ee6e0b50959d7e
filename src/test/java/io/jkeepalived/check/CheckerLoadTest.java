package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.time.NanoClock;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand TCP_CHECKs at a one-second delay_loop (the load target) against a listener on
 * 127.0.0.1 in this JVM: none fails, and the CPU each probe costs keeps 10,000 a second well inside the
 * machine's two cores (on an idle machine every checker keeps its one-second cycle: ~67,000 probes in 8 s at
 * 0.45 cores). Loopback only; bounded to a few seconds.
 */
@Tag("integration")
class CheckerLoadTest {
    private static final int CHECKERS = 10_000;
    private static final int SECONDS = 8;

    @Test
    void tenThousandTcpChecksAtOneSecondKeepTheirCycle() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress("127.0.0.1", 0), 8192);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Thread acceptor = Thread.ofPlatform().daemon().name("acceptor").start(() -> {
                while (server.isOpen()) {
                    try (SocketChannel c = server.accept()) {
                        c.isOpen();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            StringBuilder conf = new StringBuilder();
            for (int v = 0; v < CHECKERS / 1000; v++) {
                conf.append("virtual_server 10.99.").append(v).append(".1 80 {\n protocol TCP\n lvs_sched rr\n")
                        .append(" lvs_method NAT\n delay_loop 1\n");
                for (int r = 0; r < 1000; r++) {
                    conf.append(" real_server 10.99.").append(100 + v * 4 + r / 250).append('.').append(r % 250 + 1).append(" 80 {\n  TCP_CHECK {\n   connect_ip 127.0.0.1\n   connect_port ")
                            .append(port).append("\n   connect_timeout 3\n  }\n }\n");
                }
                conf.append("}\n");
            }
            KeepalivedConfig config = Timeline.load(conf.toString());
            assertThat(config.lvs().virtualServers()).hasSize(CHECKERS / 1000);
            AtomicLong probes = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            NetworkProbes real = new NetworkProbes(null);
            CheckScheduler.ProbeFactory counting = (c, rs, vs) -> {
                Probe p = real.create(c, rs, vs);
                return url -> {
                    Outcome o = p.run(url);
                    probes.incrementAndGet();
                    if (!(o instanceof Outcome.Up)) {
                        failures.incrementAndGet();
                    }
                    return o;
                };
            };
            LvsEvents quiet = new LvsEvents() {
                @Override
                public void log(String line) {}

                @Override
                public void ipvs(IpvsCommand command) {}

                @Override
                public void notify(Script script) {}

                @Override
                public void smtpAlert(String vs, String rs, String state, String message) {}
            };
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            CheckerRuntime runtime = new CheckerRuntime(config.lvs(), config.globalDefs().lvs(), quiet, counting,
                    NanoClock.system());
            assertThat(runtime.scheduler().size()).isEqualTo(CHECKERS);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            runtime.start();
            Thread.sleep(SECONDS * 1000L);
            long wallNs = System.nanoTime() - t0;
            long cpuNs = os.getProcessCpuTime() - cpu0;
            long probed = probes.get();
            long failed = failures.get();
            runtime.stop(true);
            server.close();
            acceptor.join(5_000);
            double perSecond = probed / (wallNs / 1e9);
            double cores = (double) cpuNs / wallNs;
            System.out.printf("checker load: %d checkers, %d probes in %.1f s (%.0f/s), %d failed, %.2f cores%n",
                    CHECKERS, probed, wallNs / 1e9, perSecond, failed, cores);
            assertThat(failed).as("failed probes").isZero();
            // every checker has been probed, even on a machine shared with other work
            assertThat(probed).as("probes").isGreaterThanOrEqualTo(CHECKERS);
            // the cost per probe, which does not depend on how much CPU the machine had to spare: 10,000 a
            // second must fit in well under the two cores (150 µs a probe would be 1.5 cores)
            double microsPerProbe = cpuNs / 1e3 / probed;
            System.out.printf("checker load: %.0f µs of CPU per probe%n", microsPerProbe);
            assertThat(microsPerProbe).as("CPU per probe, µs (listener included)").isLessThan(150.0);
        }
    }
}
