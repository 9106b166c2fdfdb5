package org.zugong.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.region.RegionKind.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionKindTest {

  record Row(String code, String name, String parent, RegionLevel level) {}

  static List<Row> rows;

  @BeforeAll
  static void readTheReferenceFile() throws IOException {
    rows = new ArrayList<>();
    InputStream resource =
        RegionKindTest.class.getClassLoader().getResourceAsStream("reference/ningbo-regions.csv");
    assertThat(resource).as("reference/ningbo-regions.csv on the classpath").isNotNull();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
      assertThat(in.readLine()).isEqualTo("code,name,parent_code,level");
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        assertThat(f).as(line).hasSize(4);
        rows.add(new Row(f[0], f[1], f[2], RegionLevel.valueOf(f[3])));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "CITY,     宁波市,        CITY",
    "DISTRICT, 海曙区,        DISTRICT",
    "DISTRICT, 象山县,        COUNTY",
    "DISTRICT, 余姚市,        COUNTY_CITY",
    "TOWN,     南门街道,      SUBDISTRICT",
    "TOWN,     高桥镇,        TOWN",
    "TOWN,     某某乡,        TOWNSHIP",
    "TOWN,     保税区,        ZONE",
    "TOWN,     滨海经济开发区, ZONE",
    "VILLAGE,  江北村委会,    VILLAGE",
    "VILLAGE,  慈江村,        VILLAGE",
    "VILLAGE,  澄浪社区,      COMMUNITY",
    "VILLAGE,  某居委会,      COMMUNITY",
    "VILLAGE,  藕池新村居委会, COMMUNITY",
    "VILLAGE,  环河居民委员会, COMMUNITY"
  })
  void classifiesADivisionByTheSuffixOfItsName(RegionLevel level, String name, RegionKind kind) {
    assertThat(classify(level, name)).isEqualTo(kind);
  }

  @Test
  void readsAllNingboDivisionsFromTheReferenceFile() {
    Map<RegionLevel, Integer> perLevel = new EnumMap<>(RegionLevel.class);
    rows.forEach(r -> perLevel.merge(r.level(), 1, Integer::sum));
    assertThat(rows).hasSize(3_215);
    assertThat(perLevel)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                RegionLevel.CITY, 1,
                RegionLevel.DISTRICT, 10,
                RegionLevel.TOWN, 162,
                RegionLevel.VILLAGE, 3_042));
  }

  @Test
  void givesEveryDivisionAUniqueCode() {
    Set<String> seen = new HashSet<>();
    List<String> duplicates = rows.stream().map(Row::code).filter(c -> !seen.add(c)).toList();
    assertThat(duplicates).isEmpty();
  }

  @Test
  void listsEveryParentBeforeItsChildrenOneLevelUp() {
    Map<String, RegionLevel> earlier = new HashMap<>();
    for (Row row : rows) {
      if (row.level() == RegionLevel.CITY) {
        assertThat(row.parent()).as(row.code()).isEmpty();
      } else {
        assertThat(earlier).as("parent of %s %s", row.code(), row.name()).containsKey(row.parent());
        assertThat(earlier.get(row.parent()).ordinal())
            .as("level of the parent of %s", row.code())
            .isEqualTo(row.level().ordinal() - 1);
      }
      earlier.put(row.code(), row.level());
    }
  }

  @Test
  void classifiesTheDistrictsAndTownsOfTheReferenceFile() {
    assertThat(kindsAt(RegionLevel.DISTRICT))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(RegionKind.DISTRICT, 6, RegionKind.COUNTY, 2, RegionKind.COUNTY_CITY, 2));
    Map<RegionKind, Integer> towns = kindsAt(RegionLevel.TOWN);
    assertThat(towns.keySet())
        .containsOnly(
            RegionKind.SUBDISTRICT, RegionKind.TOWN, RegionKind.TOWNSHIP, RegionKind.ZONE);
    assertThat(towns.get(RegionKind.SUBDISTRICT)).isEqualTo(73);
    assertThat(towns.get(RegionKind.ZONE)).isEqualTo(6);
  }

  @Test
  void classifiesTheVillageLevelOfTheReferenceFileAsVillagesAndCommunities() {
    Map<RegionKind, Integer> kinds = kindsAt(RegionLevel.VILLAGE);
    System.out.printf(
        "VILLAGE-level rows: %d VILLAGE, %d COMMUNITY%n",
        kinds.getOrDefault(RegionKind.VILLAGE, 0), kinds.getOrDefault(RegionKind.COMMUNITY, 0));
    assertThat(kinds.keySet()).containsOnly(RegionKind.VILLAGE, RegionKind.COMMUNITY);
    assertThat(kinds.get(RegionKind.VILLAGE)).isPositive();
    assertThat(kinds.get(RegionKind.COMMUNITY)).isPositive();
    assertThat(kinds.get(RegionKind.VILLAGE) + kinds.get(RegionKind.COMMUNITY)).isEqualTo(3_042);
  }

  @Test
  void classifiesEveryVillageCommitteeOfTheReferenceFileAsAVillage() {
    List<Row> committees =
        rows.stream()
            .filter(r -> r.level() == RegionLevel.VILLAGE && r.name().endsWith("村委会"))
            .toList();
    assertThat(committees).isNotEmpty();
    assertThat(committees)
        .allSatisfy(
            r ->
                assertThat(classify(r.level(), r.name()))
                    .as(r.name())
                    .isEqualTo(RegionKind.VILLAGE));
  }

  @Test
  void classifiesEveryResidentsCommitteeAndCommunityOfTheReferenceFileAsACommunity() {
    List<Row> urban =
        rows.stream()
            .filter(r -> r.level() == RegionLevel.VILLAGE)
            .filter(
                r ->
                    r.name().endsWith("居委会")
                        || r.name().endsWith("居民委员会")
                        || r.name().endsWith("社区"))
            .toList();
    assertThat(urban).isNotEmpty();
    assertThat(urban)
        .allSatisfy(
            r ->
                assertThat(classify(r.level(), r.name()))
                    .as(r.name())
                    .isEqualTo(RegionKind.COMMUNITY));
  }

  static Map<RegionKind, Integer> kindsAt(RegionLevel level) {
    Map<RegionKind, Integer> kinds = new EnumMap<>(RegionKind.class);
    rows.stream()
        .filter(r -> r.level() == level)
        .forEach(r -> kinds.merge(classify(r.level(), r.name()), 1, Integer::sum));
    return kinds;
  }
}
