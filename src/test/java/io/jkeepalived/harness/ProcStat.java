package io.jkeepalived.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Reads process groups from /proc (proc(5): fields after the parenthesised command name). */
final class ProcStat {
    private ProcStat() {}

    static OptionalInt pgrp(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // comm may hold spaces and parentheses: the fields start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (f[0].equals("Z") || f[0].equals("X")) return OptionalInt.empty();
            return OptionalInt.of(Integer.parseInt(f[2]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    static boolean anyInGroup(long pgid) {
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .anyMatch(n -> pgrp(Long.parseLong(n)).orElse(-1) == pgid);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean alive(long pid) {
        return pgrp(pid).isPresent();
    }
}
