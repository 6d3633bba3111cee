package io.marquee.api.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a search can be sorted in, as clients name them.
 */
public enum MovieSort {
    RELEVANCE("relevance"), YEAR("year"), YEAR_DESC("-year"), TITLE("title"), TITLE_DESC("-title");

    private final String parameter;

    MovieSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static MovieSort parse(String value) {
        return Arrays.stream(values()).filter(order -> order.parameter.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidSearchException("sort", "sort must be one of " + names() + ", not '" + value + "'"));
    }

    static String names() {
        return Arrays.stream(values()).map(MovieSort::parameter).collect(Collectors.joining(", "));
    }
}
