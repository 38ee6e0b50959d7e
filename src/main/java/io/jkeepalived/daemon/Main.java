package io.jkeepalived.daemon;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.daemon.cli.Cli;
import io.jkeepalived.daemon.cli.Options;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point with keepalived 2.2.7's command line (see {@link Cli}), plus {@code demo} and the launcher's
 * hidden {@code --aot-training DIR}. The -t path touches neither Logback nor threads: it is timed.
 */
public final class Main {
    /** bin/jkeepalived passes its own $0 here, so messages name the command the operator typed. */
    static final String ARGV0_ENV = "JKEEPALIVED_ARGV0";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("demo")) {
            // bin/jkeepalived runs the demo (bin/lib/demo.sh) before the JVM starts
            err.println("jkeepalived demo: run it through bin/jkeepalived demo (it needs bin/lib/demo.sh)");
            return 1;
        }
        if (args.length > 0 && args[0].equals("--aot-training")) {
            return aotTraining(args.length > 1 ? Path.of(args[1]) : Path.of("examples"));
        }
        String argv0 = System.getenv(ARGV0_ENV);
        if (argv0 == null || argv0.isEmpty()) argv0 = "jkeepalived";
        Cli.Outcome outcome = Cli.interpret(args, argv0);
        out.print(outcome.out());
        err.print(outcome.err());
        out.flush();
        err.flush();
        // instanceof rather than a pattern switch: no invokedynamic bootstrap on the timed -t path
        if (outcome instanceof Cli.Exit e) return e.code();
        return runOptions((Cli.Run) outcome, argv0, args, err);
    }

    private static int runOptions(Cli.Run r, String argv0, String[] args, PrintStream err) {
        Options o = r.options();
        if (o.configTest()) return ConfigTest.run(o, r.badArgument(), err);
        String ns = o.namespace();
        if (Relaunch.namespaceNeeded(ns)) {
            // the checks before detaching would judge interfaces in the wrong namespace: the copy does them
            if (!o.dontFork() && !Detach.isDetachedCopy()) return Detach.start(o, ns);
            List<String> self = Relaunch.selfCommand();
            if (self == null) {
                err.println("jkeepalived: cannot read this process's command line to enter namespace " + ns);
                return 1;
            }
            return Relaunch.foregroundInNamespace(ns, self);
        }
        if (!o.dontFork() && !Detach.isDetachedCopy() && Detach.wouldStart(o)) return Detach.start(o, null);
        return new Daemon(o, argv0, args, new VrrpLifecycle()).run();
    }

    /**
     * The launcher's AOT cache training run: load every *.conf under {@code dir} quietly, and read a
     * typical -t command line, so that the classes of the timed paths are in the cache.
     */
    static int aotTraining(Path dir) {
        Cli.interpret(new String[] {"-t", "-f", dir.resolve("keepalived.conf").toString(), "-l", "-D"}, "jkeepalived");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return 0;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Path f : files) {
            try {
                // through ConfigTest as -t runs, so that its classes and call sites are in the cache too
                if (Cli.interpret(new String[] {"-t", "-f", f.toString()}, "jkeepalived") instanceof Cli.Run r) {
                    ConfigTest.run(r.options(), r.badArgument(), quiet);
                } else {
                    ConfigLoader.load(LoadOptions.of(f), d -> d.format());
                }
            } catch (RuntimeException ignored) {
                // training only: a parser bug here must not break the build
            }
        }
        return 0;
    }
}
