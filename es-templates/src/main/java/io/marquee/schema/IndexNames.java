package io.marquee.schema;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of every index, alias and template of one Marquee deployment. A prefix keeps deployments
 * (and test classes sharing one cluster) apart; production uses the empty prefix.
 */
public record IndexNames(String prefix) {

    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]*-|");

    public IndexNames {
        Objects.requireNonNull(prefix, "prefix");
        if (!VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Index prefix must be empty or lowercase and end with '-': " + prefix);
        }
    }

    public static IndexNames defaults() {
        return new IndexNames("");
    }

    /** The alias every search reads through. */
    public String readAlias() {
        return prefix + "movies";
    }

    /** The alias every write goes through; it points at exactly one index, marked {@code is_write_index}. */
    public String writeAlias() {
        return prefix + "movies-write";
    }

    /**
     * The alias of the one index kept in step with the live one without being read: the candidate being built (or
     * built and not yet live), or after a flip the previous index, so that a rollback finds it current.
     */
    public String mirrorAlias() {
        return prefix + "movies-mirror";
    }

    /** The index holding the reindex lease and which index is live, previous and candidate. */
    public String controlIndex() {
        return prefix + "movies-control";
    }

    public String controlTemplate() {
        return prefix + "movies-control";
    }

    public String versionedIndex(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Index versions start at 1: " + version);
        }
        return prefix + "movies-v" + version;
    }

    public String indexPattern() {
        return prefix + "movies-v*";
    }

    public String indexTemplate() {
        return prefix + "movies";
    }

    /** The write alias of the audit trail; it rolls over to a new {@code movies-audit-NNNNNN} index by size and age. */
    public String auditAlias() {
        return prefix + "movies-audit";
    }

    public String auditIndex(int generation) {
        return String.format("%smovies-audit-%06d", prefix, generation);
    }

    public String auditPattern() {
        return prefix + "movies-audit-*";
    }

    public String auditTemplate() {
        return prefix + "movies-audit";
    }

    public String componentTemplate(String name) {
        return prefix + name;
    }

    /** The version of a concrete index of this deployment, or empty when the name is not one of ours. */
    public OptionalInt versionOf(String index) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix + "movies-v") + "(\\d+)").matcher(index);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
