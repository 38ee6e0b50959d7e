/**
 * keepalived.conf's pre-processor and line reader, following keepalived 2.2.7's lib/parser.c rule for rule.
 *
 * <ul>
 *   <li>{@link io.jkeepalived.config.lexer.ConfigReader}: the {@code LineSource} the keyword parser pulls
 *       lines from (read_line); {@code mainFileMissing()}, {@code hadFileError()} for the caller, and
 *       {@code setIncludeCheck(words)} for the {@code include_check} global keyword.</li>
 *   <li>{@code IncludeStack}, {@code Glob}, {@code FileNameMatch}: include files, glibc-style globs with
 *       braces, and keepalived's include messages (file_config_error).</li>
 *   <li>{@code LineText}: decomment, brace splitting, word splitting (alloc_strvec).</li>
 *   <li>{@code Definitions}, {@code Sequences}: {@code $NAME} definitions and {@code ~SEQ}/{@code ~LST}.</li>
 *   <li>{@link io.jkeepalived.config.lexer.ScriptLine}: script keywords' command lines
 *       (alloc_strvec_quoted_escaped), for the keyword tables.</li>
 * </ul>
 *
 * <p>Deliberate departures, where keepalived would never finish: an include loop is read once (keepalived
 * recurses until it runs out of file descriptors, then reports "open problem (Too many open files)", which
 * is what we report); a definition expanding to itself or a cycle of definitions is cut after 10,000
 * substitutions; a ~SEQ that would overflow a long stops; one file line expanding to more than a million
 * lines (a multi-line definition using itself) is cut off; more than 4096 brace alternatives in an include
 * fail as glob(3) does when it runs out of memory; fnmatch never backtracks exponentially. A path the JVM
 * cannot name (non-ASCII under a C locale) counts as missing: run the JVM with a UTF-8 locale. Every line carries its file name, as keepalived's
 * child processes print it ("(file: Line n)"), also for the main file.
 */
package io.jkeepalived.config.lexer;
