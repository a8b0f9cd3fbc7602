package io.tousu.routing.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tousu.routing.taxonomy.TaxonomyPack;

import java.util.List;
import java.util.function.Predicate;

/**
 * When a rule applies. Every condition given must hold; within a list, any entry will do.
 * Categories match themselves and everything below them; areas match by prefix
 * ({@code 北京市} covers {@code 北京市海淀区}); keywords are looked for in subject and description.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Conditions(List<String> categories, List<String> channels, List<String> types, List<String> areas,
                         List<String> keywords, Boolean vip, List<String> referralSources) {

    public static final Conditions ANY = new Conditions(null, null, null, null, null, null, null);

    public boolean matches(RoutingInput in, TaxonomyPack pack) {
        return any(categories, c -> in.category() != null && pack.isWithin(in.category(), c))
                && any(channels, c -> c.equals(in.channel()))
                && any(types, t -> t.equals(in.type()))
                && any(areas, a -> in.area() != null && in.area().startsWith(a))
                && any(keywords, k -> in.text().contains(k))
                && (vip == null || vip == in.vip())
                && any(referralSources, s -> s.equals(in.referralSource()));
    }

    public boolean isCatchAll() {
        return empty(categories) && empty(channels) && empty(types) && empty(areas) && empty(keywords) && vip == null
                && empty(referralSources);
    }

    private static boolean any(List<String> values, Predicate<String> test) {
        return empty(values) || values.stream().anyMatch(test);
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }
}
