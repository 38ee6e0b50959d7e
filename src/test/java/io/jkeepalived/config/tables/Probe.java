package io.jkeepalived.config.tables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Prints the exit code and diagnostics of config files, for comparing with keepalived -t by hand. */
final class Probe {
    public static void main(String[] args) throws Exception {
        boolean verbose = System.getenv("V") != null;
        for (String f : args) {
            var l = ConfText.load(Files.readString(Path.of(f)));
            if (verbose) l.diagnostics().forEach(d -> System.out.println("   j| " + d.format() + "   [" + d.kind() + "]"));
            String lines = l.lines().stream().filter(n -> n > 0).map(String::valueOf).collect(Collectors.joining(" "));
            System.out.println("J " + f + " rc=" + l.exitCode() + " lines=[" + lines + (lines.isEmpty() ? "" : " ") + "]");
        }
    }
}
