package io.tousu.reporting.area;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * China's administrative divisions ({@code policy/areas/divisions.json}, GB/T 2260 names): where
 * an area as a channel wrote it lies, at province, city and district level, so that 北京市海淀区
 * is province 北京市 (a municipality: its own city) and district 海淀区, and 河北省石家庄市长安区
 * is 河北省, 石家庄市, 长安区. Short forms (广东深圳南山区) and a missing province (石家庄市长安区)
 * are understood; a district name alone that several cities have (朝阳区) stays unresolved.
 */
@ApplicationScoped
public class Divisions {
    private static final Pattern PROVINCE_SUFFIX = Pattern.compile(
            "(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$");
    private static final Pattern CITY_SUFFIX = Pattern.compile("(市|地区|盟|自治州)$");
    private static final String LEVEL_SUFFIXES = "省市区县州盟旗";
    /** The municipalities' one "city": their districts directly under the province. */
    private static final List<String> MUNICIPAL = List.of("市辖区", "县");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Division(String code, String name, List<Division> children) {
        List<Division> kids() {
            return children == null ? List.of() : children;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(String description, List<Division> provinces) {
    }

    /** Where an area lies; a level not found is null. */
    public record Place(String province, String city, String district) {
        static final Place UNKNOWN = new Place(null, null, null);
    }

    private final List<Division> provinces;

    @Inject
    public Divisions(ObjectMapper mapper) {
        this(PolicyFiles.read(mapper, "policy/areas/divisions.json", File.class).provinces());
    }

    Divisions(List<Division> provinces) {
        this.provinces = List.copyOf(provinces);
    }

    public Place of(String area) {
        if (area == null || area.isBlank()) {
            return Place.UNKNOWN;
        }
        String text = area.replaceAll("\\s", "");
        for (Division p : provinces) {
            Optional<String> rest = after(text, p.name(), PROVINCE_SUFFIX);
            if (rest.isPresent()) {
                return within(p, rest.get());
            }
        }
        // No province named: a city, or else a district, that only one province has.
        List<Place> found = new ArrayList<>();
        for (Division p : provinces) {
            for (Division c : p.kids()) {
                if (!MUNICIPAL.contains(c.name())) {
                    after(text, c.name(), CITY_SUFFIX).ifPresent(rest -> found.add(
                            new Place(p.name(), c.name(), district(c.kids(), rest))));
                }
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        return found.isEmpty() ? districtAnywhere(text) : Place.UNKNOWN;
    }

    private Place within(Division province, String rest) {
        boolean municipal = province.kids().stream().allMatch(c -> MUNICIPAL.contains(c.name()));
        if (municipal) {
            return new Place(province.name(), province.name(),
                    district(province.kids().stream().flatMap(c -> c.kids().stream()).toList(), rest));
        }
        for (Division c : province.kids()) {
            Optional<String> afterCity = after(rest, c.name(), CITY_SUFFIX);
            if (afterCity.isPresent()) {
                return new Place(province.name(), c.name(), district(c.kids(), afterCity.get()));
            }
        }
        return new Place(province.name(), null, null);
    }

    private Place districtAnywhere(String text) {
        List<Place> found = new ArrayList<>();
        for (Division p : provinces) {
            boolean municipal = p.kids().stream().allMatch(c -> MUNICIPAL.contains(c.name()));
            for (Division c : p.kids()) {
                String d = district(c.kids(), text);
                if (d != null) {
                    found.add(new Place(p.name(), municipal ? p.name() : c.name(), d));
                }
            }
        }
        return found.size() == 1 ? found.get(0) : Place.UNKNOWN;
    }

    private static String district(List<Division> districts, String rest) {
        return districts.stream().map(Division::name).filter(rest::startsWith).findFirst().orElse(null);
    }

    /** What follows {@code name} (or its short form, two characters at least) at the start of {@code text}. */
    private static Optional<String> after(String text, String name, Pattern suffix) {
        if (text.startsWith(name)) {
            return Optional.of(text.substring(name.length()));
        }
        String shortName = suffix.matcher(name).replaceFirst("");
        if (shortName.length() >= 2 && !shortName.equals(name) && text.startsWith(shortName)) {
            String rest = text.substring(shortName.length());
            // 朝阳区 is not 朝阳(市) + 区: a short form must not run into another level's suffix.
            return rest.isEmpty() || LEVEL_SUFFIXES.indexOf(rest.charAt(0)) < 0 ? Optional.of(rest) : Optional.empty();
        }
        return Optional.empty();
    }
}
