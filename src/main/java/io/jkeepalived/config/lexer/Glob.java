package io.jkeepalived.config.lexer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * glibc glob(3) as keepalived calls it for config files: GLOB_MARK | GLOB_BRACE | GLOB_ALTDIRFUNC, with the
 * directory callbacks counting directories that could not be opened and files that do not exist, which is
 * what keepalived's include messages are made from. Names come back as glob gives them: relative to
 * {@code cwd} when the pattern is relative, directories marked with a trailing '/', each brace
 * alternative's matches sorted (C locale).
 */
final class Glob {
    /** Brace alternatives glob expands before glibc would run out of memory (GLOB_NOSPACE) on them. */
    static final int MAX_ALTERNATIVES = 4096;

    final List<String> matches = new ArrayList<>();
    /** Too many brace alternatives: glob(3) gives up with GLOB_NOSPACE (1). */
    boolean noSpace;
    int missingFiles;
    int missingDirectories;
    boolean haveWildcards;

    private final Path cwd;

    private Glob(Path cwd) {
        this.cwd = cwd;
    }

    static Glob run(String pattern, Path cwd) {
        Glob g = new Glob(cwd);
        List<String> alternatives = new ArrayList<>();
        if (!braces(pattern, alternatives)) {
            g.noSpace = true;
            return g;
        }
        for (String alt : alternatives) {
            List<String> found = new ArrayList<>();
            g.expand(alt, false, found);
            found.sort(null);
            for (String m : found) g.matches.add(g.isDirectory(m) ? m + "/" : m);
        }
        return g;
    }

    boolean noMatch() {
        return matches.isEmpty();
    }

    /** keepalived's have_brace(): an unescaped '{'. */
    static boolean hasBrace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') return true;
        }
        return false;
    }

    static List<String> braces(String p) {
        List<String> out = new ArrayList<>();
        braces(p, out);
        return out;
    }

    /**
     * csh-style {a,b} expansion as glibc does it: first group, then recursively; no closing '}' = literal.
     * False when there would be more than {@link #MAX_ALTERNATIVES}.
     */
    private static boolean braces(String p, List<String> out) {
        if (out.size() >= MAX_ALTERNATIVES) return false;
        int open = -1;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            out.add(p);
            return true;
        }
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int close = -1;
        for (int i = open + 1; i < p.length() && close < 0; i++) {
            char c = p.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') depth++;
            else if (c == '}') {
                if (depth == 0) {
                    parts.add(new int[] {start, i});
                    close = i;
                } else depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (close < 0) {
            out.add(p);
            return true;
        }
        String prefix = p.substring(0, open);
        String suffix = p.substring(close + 1);
        for (int[] part : parts) {
            if (!braces(prefix + p.substring(part[0], part[1]) + suffix, out)) return false;
        }
        return true;
    }

    /** The path, or null when the platform cannot name it (non-ASCII under a C locale): as if missing. */
    private Path resolve(String name) {
        try {
            return name.isEmpty() ? cwd : cwd.resolve(name);
        } catch (InvalidPathException unnameable) {
            return null;
        }
    }

    private boolean isDirectory(String name) {
        Path p = resolve(name);
        return p != null && Files.isDirectory(p);
    }

    private void expand(String pattern, boolean onlyDirs, List<String> out) {
        if (pattern.length() > 1 && pattern.endsWith("/")) {
            // "dir/": the directories the rest names (GLOB_MARK gives them their '/')
            List<String> dirs = new ArrayList<>();
            expand(pattern.substring(0, pattern.length() - 1), true, dirs);
            for (String d : dirs) if (isDirectory(d)) out.add(d);
            return;
        }
        int slash = pattern.lastIndexOf('/');
        String filename = slash < 0 ? pattern : pattern.substring(slash + 1);
        List<String> dirs = new ArrayList<>();
        if (slash < 0) {
            dirs.add("");
        } else {
            String dirname = slash == 0 ? "/" : pattern.substring(0, slash);
            if (hasMeta(dirname)) expand(dirname, true, dirs);
            else dirs.add(unescape(dirname));
        }
        for (String d : dirs) inDirectory(filename, d, onlyDirs, out);
    }

    private static String join(String dir, String name) {
        if (dir.isEmpty()) return name;
        if (dir.endsWith("/")) return dir + name;
        return dir + "/" + name;
    }

    private void inDirectory(String filename, String dir, boolean onlyDirs, List<String> out) {
        if (!hasMeta(filename)) {
            String full = join(dir, unescape(filename));
            Path p = resolve(full);
            if (p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) out.add(full);
            else missingFiles++;
            return;
        }
        haveWildcards = true;
        Path d = resolve(dir);
        if (d == null) {
            missingDirectories++;
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (FileNameMatch.matches(filename, name) && (!onlyDirs || Files.isDirectory(e))) {
                    out.add(join(dir, name));
                }
            }
        } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException notADirectory) {
            missingDirectories++;
        }
    }

    /** glibc's pattern test: '*' or '?', or a '[' with a later ']', not escaped. */
    static boolean hasMeta(String s) {
        boolean bracket = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '*', '?' -> {
                    return true;
                }
                case '\\' -> i++;
                case '[' -> bracket = true;
                case ']' -> {
                    if (bracket) return true;
                }
                default -> {}
            }
        }
        return false;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            b.append(c);
        }
        return b.toString();
    }
}
