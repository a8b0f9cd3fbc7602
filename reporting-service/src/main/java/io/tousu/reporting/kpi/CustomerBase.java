package io.tousu.reporting.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The customers the centre serves ({@code policy/customer-base.json}), in all and by area, for
 * complaints per million customers (百万用户申诉率).
 */
@ApplicationScoped
public class CustomerBase {
    record File(String description, long customers, Map<String, Long> byArea) {
    }

    private final long customers;
    private final Map<String, Long> byArea;

    @Inject
    public CustomerBase(ObjectMapper mapper) {
        this(PolicyFiles.read(mapper, "policy/customer-base.json", File.class));
    }

    CustomerBase(File file) {
        this.customers = file.customers();
        this.byArea = file.byArea() == null ? Map.of() : Map.copyOf(file.byArea());
    }

    /** The whole base, or an area's: the longest configured area its name starts with. */
    public Optional<Long> of(String area) {
        if (area == null) {
            return customers > 0 ? Optional.of(customers) : Optional.empty();
        }
        return byArea.entrySet().stream().filter(e -> area.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }
}
