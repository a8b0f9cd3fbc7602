package io.tousu.reporting.area;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Areas as channels write them, placed on the shipped division file. */
class DivisionsTest {
    private static final Divisions DIVISIONS = new Divisions(new ObjectMapper());

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "北京市海淀区, 北京市, 北京市, 海淀区",
            "北京市海淀区中关村大街27号, 北京市, 北京市, 海淀区",
            "上海市浦东新区, 上海市, 上海市, 浦东新区",
            "河北省石家庄市长安区, 河北省, 石家庄市, 长安区",
            "广东深圳南山区, 广东省, 深圳市, 南山区",
            "石家庄市长安区, 河北省, 石家庄市, 长安区",
            "新疆维吾尔自治区乌鲁木齐市天山区, 新疆维吾尔自治区, 乌鲁木齐市, 天山区",
            "浙江省, 浙江省, -, -",
            "朝阳区, -, -, -",
            "压测区17, -, -, -"})
    void placesAnAreaAtEachLevel(String area, String province, String city, String district) {
        assertThat(DIVISIONS.of(area)).isEqualTo(new Divisions.Place(province, city, district));
    }
}
