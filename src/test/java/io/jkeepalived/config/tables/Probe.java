package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Prints the exit code and diagnostics of config files through the real lexer and tables, for comparing
 * with keepalived -t by hand (interfaces eth0..eth3 and lo exist, as in the scratch namespace).
 */
final class Probe {
    public static void main(String[] args) {
        boolean verbose = System.getenv("V") != null;
        for (String f : args) {
            var opts = LoadOptions.of(Path.of(f)).withInterfaces(ConfText.IFACES::contains);
            var r = ConfigLoader.load(opts);
            if (verbose) r.diagnostics().forEach(d -> System.out.println("   j| " + d.format() + "   [" + d.kind() + "]"));
            var set = new TreeSet<Integer>();
            r.diagnostics().forEach(d -> { if (d.line() > 0) set.add(d.line()); });
            String lines = set.stream().map(String::valueOf).collect(Collectors.joining(" "));
            System.out.println("J " + f + " rc=" + r.configTestExitCode() + " lines=[" + lines + (lines.isEmpty() ? "" : " ") + "]");
        }
    }
}
