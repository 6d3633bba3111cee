package io.marquee.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.marquee.movie.MovieDocument;
import io.marquee.text.TextFolding;

/**
 * The people of a catalogue and their prominence ({@link Prominence#person}), gathered one movie at a time. A person
 * is their folded name, so {@code Penélope Cruz} and {@code Penelope Cruz} are one person. Memory grows with the
 * number of distinct people, each keeping at most {@link Prominence#PERSON_FILMS} contributions.
 */
public final class People {

    private final Map<String, PriorityQueue<Double>> best = new HashMap<>();

    /** A catalogue of one movie: what a single delivery knows before the catalogue is ranked again. */
    public static People of(MovieDocument.Facts facts) {
        People people = new People();
        people.add(facts);
        return people;
    }

    public void add(MovieDocument.Facts facts) {
        double own = Prominence.own(facts);
        List<String> seen = new ArrayList<>();
        List<String> cast = facts.cast();
        for (int position = 0; position < cast.size(); position++) {
            String name = TextFolding.fold(cast.get(position));
            if (name.isEmpty() || seen.contains(name)) {
                continue;
            }
            seen.add(name);
            PriorityQueue<Double> top = best.computeIfAbsent(name, n -> new PriorityQueue<>());
            top.add(own * Prominence.billing(position));
            if (top.size() > Prominence.PERSON_FILMS) {
                top.poll();
            }
        }
    }

    /** The prominence of a person by folded name; 0 for a name not in the catalogue. */
    public double of(String folded) {
        PriorityQueue<Double> top = best.get(folded);
        return top == null ? 0 : Prominence.person(new ArrayList<>(top));
    }

    /** Every person's prominence, by folded name. */
    public Map<String, Double> all() {
        Map<String, Double> all = new HashMap<>(best.size() * 2);
        best.forEach((name, top) -> all.put(name, Prominence.person(new ArrayList<>(top))));
        return all;
    }

    public int size() {
        return best.size();
    }
}
