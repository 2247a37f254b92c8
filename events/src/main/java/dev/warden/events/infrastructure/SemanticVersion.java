package dev.warden.events.infrastructure;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as SemVer 2.0.0 defines it ({@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, no
 * leading {@code v}, no leading zeros in numbers), ordered by precedence: numbers compared
 * numerically, a pre-release below its release, pre-release identifiers compared one by one
 * (numeric ones numerically and below alphanumeric ones, alphanumeric ones in ASCII order, a shorter
 * set below a longer one it begins), build metadata ignored. Two versions that differ only in build
 * metadata have the same precedence ({@link #precedence()}), so the registry treats them as one version.
 * <p>
 * For SQL the precedence is taken apart into columns that sort the same way: the three numbers, a
 * release flag (a release sorts above its pre-releases) and {@link #preReleaseKey()}, text that sorts
 * byte by byte (collation {@code "C"}) as the pre-release identifiers do.
 *
 * @param major      the major version
 * @param minor      the minor version
 * @param patch      the patch version
 * @param preRelease the pre-release identifiers, empty for a release
 * @param build      the build metadata without its {@code +}, or {@code null}
 */
public record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease,
                              String build) implements Comparable<SemanticVersion> {

    /** The longest version accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    /** The grammar of SemVer 2.0.0 as a regular expression (the one the specification suggests). */
    public static final String PATTERN = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$";

    private static final Pattern GRAMMAR = Pattern.compile(PATTERN);
    private static final Pattern NUMERIC = Pattern.compile("\\d+");
    /** Ends every identifier in the key; below every character an identifier's key holds. */
    private static final char END = '!';

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
    }

    /** {@code text} as a version, if it is one of at most {@value #MAX_LENGTH} characters. */
    public static Optional<SemanticVersion> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> preRelease = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemanticVersion(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), preRelease, m.group(5)));
    }

    /** {@code text} as a version, or the refusal {@code INVALID_MODULE_VERSION}. */
    public static SemanticVersion require(String text) {
        return parse(text).orElseThrow(() -> new DomainException(ModuleErrorCode.INVALID_MODULE_VERSION,
                "'" + Text.excerpt(text) + "' is not a semantic version (MAJOR.MINOR.PATCH, optionally "
                        + "-PRERELEASE and +BUILD, as SemVer 2.0.0 defines them, at most " + MAX_LENGTH
                        + " characters)"));
    }

    /** Whether this is a release (no pre-release identifiers). */
    public boolean isRelease() {
        return preRelease.isEmpty();
    }

    /** The version without its build metadata: equal for versions of equal precedence. */
    public String precedence() {
        String core = major + "." + minor + "." + patch;
        return isRelease() ? core : core + "-" + String.join(".", preRelease);
    }

    /** The version as written, build metadata included. */
    @Override
    public String toString() {
        return build == null ? precedence() : precedence() + "+" + build;
    }

    /**
     * The pre-release identifiers as text that sorts, byte by byte, in their precedence: each
     * identifier ends with {@code !}; a numeric one is {@code 0}, its digit count in three digits and
     * its digits (so numbers compare by size, then digit by digit); an alphanumeric one is {@code 1}
     * and the identifier. Empty for a release.
     */
    public String preReleaseKey() {
        StringBuilder key = new StringBuilder();
        for (String identifier : preRelease) {
            if (NUMERIC.matcher(identifier).matches()) {
                key.append('0').append(String.format(Locale.ROOT, "%03d", identifier.length())).append(identifier);
            } else {
                key.append('1').append(identifier);
            }
            key.append(END);
        }
        return key.toString();
    }

    /** Precedence as SemVer 2.0.0 section 11 defines it; build metadata is ignored. */
    @Override
    public int compareTo(SemanticVersion other) {
        int core = major.compareTo(other.major);
        core = core != 0 ? core : minor.compareTo(other.minor);
        core = core != 0 ? core : patch.compareTo(other.patch);
        if (core != 0) {
            return core;
        }
        if (isRelease() || other.isRelease()) {
            return Boolean.compare(isRelease(), other.isRelease());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = NUMERIC.matcher(a).matches();
        boolean numericB = NUMERIC.matcher(b).matches();
        if (numericA && numericB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
