package org.zugong.organization.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.zugong.member.imports.MemberSheets;

/**
 * Organization sheets for tests (an Object Mother): valid rows, workbooks written as a user would
 * fill in the template. Reading workbooks back (cells, fills, comments) is the member sheets'
 * generic work, reused.
 */
public final class OrganizationSheets {

  /** The template's headers in Chinese, as the sheet's first row. */
  public static final List<String> HEADER =
      List.of("组织名称", "组织类别", "上级组织", "所在区划代码", "所在单位", "单位类型", "组织性质", "行业", "成立日期", "书记");

  private OrganizationSheets() {}

  /** A valid row: a regular organization of the given kind, in a community, established in 2022. */
  public static List<String> row(String name, String kind, String parent, String regionCode) {
    return new ArrayList<>(
        Arrays.asList(
            name, kind, parent, regionCode, "测试单位", "城市社区", "", "", "2022-03-01", "测试书记"));
  }

  /** The row with one column changed. */
  public static List<String> with(List<String> row, OrganizationColumn column, String value) {
    row.set(column.index(), value);
    return row;
  }

  /** A workbook of the template's sheet with these rows below the Chinese header. */
  public static byte[] workbook(List<List<String>> rows) {
    return MemberSheets.workbook(HEADER, rows);
  }

  public static byte[] workbook(List<String> header, List<List<String>> rows) {
    return MemberSheets.workbook(header, rows);
  }

  /**
   * Every text of the organization sheet's bundles in Chinese and English by key, as the
   * application's message source would find them.
   */
  public static List<String> labels(String key) {
    List<String> labels = new ArrayList<>();
    for (Properties p : List.of(BUNDLES.get(false), BUNDLES.get(true))) {
      if (p.containsKey(key)) {
        labels.add(p.getProperty(key));
      }
    }
    return labels;
  }

  private static final Map<Boolean, Properties> BUNDLES = new HashMap<>();

  static {
    for (boolean english : List.of(false, true)) {
      Properties all = new Properties();
      for (String base : List.of("i18n/organization", "i18n/organization-import")) {
        String name = base + (english ? "_en" : "") + ".properties";
        try (var in = OrganizationSheets.class.getClassLoader().getResourceAsStream(name)) {
          if (in != null) {
            all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      BUNDLES.put(english, all);
    }
  }
}
