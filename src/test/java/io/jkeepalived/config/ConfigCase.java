package io.jkeepalived.config;

import java.nio.file.Path;

/** A config under test: {@code id} names it in reports and in KNOWN_DIFFERENCES.txt, {@code path} is what -f gets. */
record ConfigCase(String id, Path path) {}
