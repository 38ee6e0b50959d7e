package io.jkeepalived.config.model;

/**
 * A track_file block (vrrp_track_file is its deprecated name): a file holding an integer that, multiplied
 * by the weight, adjusts the priority of the instances tracking it.
 *
 * @param name       the block's name
 * @param path       the file
 * @param weight     the multiplier, -254..254 (default 1)
 * @param reverse    {@code weight W reverse}
 * @param init       whether and how to initialise the file ({@code init_file [VALUE] [overwrite]})
 * @param initValue  the value written when initialising
 */
public record TrackFile(String name, String path, int weight, boolean reverse, Init init, int initValue) {
    public enum Init { NONE, CREATE, OVERWRITE }
}
