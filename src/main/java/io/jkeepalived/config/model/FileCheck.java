package io.jkeepalived.config.model;

import java.util.OptionalInt;

/**
 * FILE_CHECK: the value in a {@code track_file} times {@code weight} adjusts the real server's weight.
 *
 * @param weight  empty = the track_file's own weight (and its reverse)
 */
public record FileCheck(String trackFile, OptionalInt weight, boolean reverse, int line) implements Checker {
    @Override
    public String keyword() {
        return "FILE_CHECK";
    }
}
