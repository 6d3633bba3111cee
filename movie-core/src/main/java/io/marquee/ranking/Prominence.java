package io.marquee.ranking;

import java.util.List;

import io.marquee.movie.MovieDocument;

/**
 * The prominence formula, in one place (documented in {@code docs/relevance.md}). Every score lies in [0, 1):
 * <ul>
 * <li>a movie's <em>own</em> score comes from its delivered facts: the length of its extract (Wikipedia writes more
 * about better-known films), how many cast members are listed, and, where a provider sends ratings, how many
 * people rated it;</li>
 * <li>a person's score is the mean of their ten best <em>contributions</em>, a film's own score times a billing
 * weight (a lead counts fully, the 20th name a sixth), so many small parts or many silent shorts cannot outweigh
 * fewer leading roles in well-known films;</li>
 * <li>a movie's prominence blends its own score with those of its three best-known leads (among the first five
 * billed).</li>
 * </ul>
 */
public final class Prominence {

    /** Extracts this long (characters) and longer score fully; the longest in the dataset run to about 1,200. */
    static final int FULL_EXTRACT = 1_500;
    /** Casts this large and larger score fully. */
    static final int FULL_CAST = 30;
    /** Ratings this many and more score fully. */
    static final long FULL_RATINGS = 100_000;
    /** How many of a person's best contributions their score averages. */
    public static final int PERSON_FILMS = 10;
    /** A movie's prominence looks at this many of its best-known leads, among the first {@link #LEADS_BILLED} names. */
    static final int LEADS = 3;
    static final int LEADS_BILLED = 5;
    static final double OWN_SHARE = 0.7;
    /** Scores are stored as completion weights (integers) with this resolution. */
    static final int WEIGHT_SCALE = 1_000_000;
    private static final double ALMOST_ONE = 0.999_999;

    private Prominence() {
    }

    /** A movie's own score, from its facts alone. */
    public static double own(MovieDocument.Facts facts) {
        double extract = saturating(facts.extract() == null ? 0 : facts.extract().length(), FULL_EXTRACT);
        double cast = saturating(facts.cast().size(), FULL_CAST);
        MovieDocument.Rating rating = facts.rating();
        if (rating != null && rating.count() > 0) {
            return bounded(0.5 * extract + 0.2 * cast + 0.3 * saturating(rating.count(), FULL_RATINGS));
        }
        return bounded(0.75 * extract + 0.25 * cast);
    }

    /** How much a film adds to the score of the person billed at {@code position} (0 first): 1 for the lead. */
    public static double billing(int position) {
        return 1.0 / (1.0 + position / 4.0);
    }

    /** A person's score from their contributions ({@link #own} × {@link #billing}), in any order. */
    public static double person(List<Double> contributions) {
        return bounded(contributions.stream().sorted((a, b) -> Double.compare(b, a)).limit(PERSON_FILMS)
                .mapToDouble(Double::doubleValue).sum() / PERSON_FILMS);
    }

    /**
     * A movie's prominence from its own score and the scores of its cast in billing order.
     *
     * @param castScores the score of each cast member, in billing order
     */
    public static double movie(double own, List<Double> castScores) {
        double leads = castScores.stream().limit(LEADS_BILLED).sorted((a, b) -> Double.compare(b, a)).limit(LEADS)
                .mapToDouble(Double::doubleValue).sum() / LEADS;
        return bounded(OWN_SHARE * own + (1 - OWN_SHARE) * leads);
    }

    /** A score as a completion weight. */
    public static int weight(double score) {
        return (int) Math.round(score * WEIGHT_SCALE);
    }

    /** The score a completion weight stands for. */
    public static double fromWeight(long weight) {
        return weight / (double) WEIGHT_SCALE;
    }

    private static double saturating(long value, long full) {
        return Math.min(1.0, Math.log1p(value) / Math.log1p(full));
    }

    private static double bounded(double score) {
        return Math.max(0, Math.min(ALMOST_ONE, score));
    }
}
