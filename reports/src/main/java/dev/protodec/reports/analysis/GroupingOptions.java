package dev.protodec.reports.analysis;

import java.util.Locale;

/**
 * How benchmarks are grouped and which contender is the reference.
 *
 * @param reference        a contender whose name contains this text (ignoring case) is its group's
 *                         reference for the ratio column; empty for no reference
 * @param variantSeparator if every method of a benchmark class (within one mode and parameter set)
 *                         contains this text, the part before its first occurrence names a variant
 *                         group ({@code deep_protodec} → variant {@code deep}, contender
 *                         {@code protodec}); empty to never split method names
 */
public record GroupingOptions(String reference, String variantSeparator) {

    public static final String DEFAULT_REFERENCE = "dynamic";
    public static final String DEFAULT_VARIANT_SEPARATOR = "_";

    public GroupingOptions {
        reference = reference.toLowerCase(Locale.ROOT);
    }

    public static GroupingOptions defaults() {
        return new GroupingOptions(DEFAULT_REFERENCE, DEFAULT_VARIANT_SEPARATOR);
    }

    public boolean hasReference() {
        return !reference.isEmpty();
    }

    public boolean splitsMethods() {
        return !variantSeparator.isEmpty();
    }

    /** Does this contender name match the reference rule? */
    public boolean isReference(String contender) {
        return hasReference() && contender.toLowerCase(Locale.ROOT).contains(reference);
    }
}
