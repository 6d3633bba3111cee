package io.marquee.movie;

import io.marquee.text.Digests;
import io.marquee.text.TextFolding;

/**
 * Deterministic, readable document ids: {@code <title-slug>-<year>-<hash>}, e.g. {@code top-gun-1986-4c1f2a9b}.
 * The hash covers the title folded for identity ({@link TextFolding#identity}, which never changes), the year and
 * the Wikipedia {@code href} (empty when absent), so:
 * <ul>
 * <li>loading the same record twice writes the same document (no duplicates);</li>
 * <li>a corrected record (same title, year and href; other fields changed) replaces the old one;</li>
 * <li>two films with the same title and year but different pages (the dataset's 30 such pairs,
 * e.g. the two {@code Carmen} of 1915) stay two documents;</li>
 * <li>one page shared by several titles or years (the dataset's 155 repeated hrefs: remakes, serials,
 * disambiguation pages) gives one document per title and year.</li>
 * </ul>
 * See {@code docs/id-scheme.md}.
 */
public final class MovieIds {

    private static final int SLUG_MAX = 48;

    private MovieIds() {
    }

    public static String of(String title, int year, String href) {
        String folded = TextFolding.identity(title);
        String slug = folded.replace(' ', '-');
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = "untitled";
        }
        String identity = folded + '\u0000' + year + '\u0000' + (href == null ? "" : href.strip());
        return slug + '-' + year + '-' + Digests.sha256Hex(identity, 4);
    }
}
