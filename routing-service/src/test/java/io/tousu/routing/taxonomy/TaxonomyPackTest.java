package io.tousu.routing.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyPackTest {
    private final List<String> departments = List.of("billing", "network", "service");
    private final TaxonomyPack pack = new TaxonomyPack("test", "service", List.of(
            new Category("FEES", "通信费用", "Fees", null, "billing"),
            new Category("FEES.SP_CHARGE", "SP信息费", "SP charges", "FEES", null),
            new Category("BASIC", "基础通信", "Basic", null, "network")), departments);

    @Test
    void aSubCategoryInheritsItsParentsDepartment() {
        assertThat(pack.departmentFor("FEES.SP_CHARGE")).isEqualTo("billing");
        assertThat(pack.categories()).extracting(Category::department).containsExactly("billing", "billing", "network");
    }

    @Test
    void unknownOrMissingCategoriesGoToTheDefaultDepartment() {
        assertThat(pack.departmentFor("NOPE")).isEqualTo("service");
        assertThat(pack.departmentFor(null)).isEqualTo("service");
    }

    @Test
    void refusesAPackWithAnOrphanOrUnmappedCategory() {
        assertThatThrownBy(() -> new TaxonomyPack("bad", "service",
                List.of(new Category("X.Y", "x", "x", "X", null)), departments))
                .hasMessageContaining("unknown parent");
        assertThatThrownBy(() -> new TaxonomyPack("bad", "service",
                List.of(new Category("X", "x", "x", null, "legal")), departments))
                .hasMessageContaining("no known department");
    }
}
