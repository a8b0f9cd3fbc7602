package io.tousu.routing.taxonomy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.routing.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/** The configured pack's taxonomy and departments, loaded from the policy files at start. */
@ApplicationScoped
public class Taxonomy {
    private final String packName;
    private final TaxonomyPack pack;
    private final List<Department> departments;

    @Inject
    public Taxonomy(ObjectMapper mapper, RoutingConfig config) {
        this(mapper, config.taxonomyPack());
    }

    public Taxonomy(ObjectMapper mapper, String packName) {
        this.packName = packName;
        this.departments = Arrays.stream(
                        PolicyFiles.read(mapper, "policy/departments/" + packName + ".json", Department[].class))
                .map(Department::withTopic).toList();
        PackFile file = PolicyFiles.read(mapper, "policy/taxonomy/" + packName + ".json", PackFile.class);
        this.pack = new TaxonomyPack(file.pack(), file.defaultDepartment(), file.categories(),
                departments.stream().map(Department::code).toList());
    }

    record PackFile(String pack, String description, String defaultDepartment, List<Category> categories) {
    }

    /** The configured pack's name, which also names its classification and rule files. */
    public String packName() {
        return packName;
    }

    public TaxonomyPack pack() {
        return pack;
    }

    public List<Department> departments() {
        return departments;
    }

    public boolean isDepartment(String code) {
        return departments.stream().anyMatch(d -> d.code().equals(code));
    }
}
