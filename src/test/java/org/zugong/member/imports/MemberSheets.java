package org.zugong.member.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.zugong.person.Gender;
import org.zugong.shared.IdCardNumber;

/**
 * Member sheets for tests (an Object Mother): valid rows with fresh ID numbers, workbooks written
 * as a user would fill in the template, and what an error workbook marks.
 */
public final class MemberSheets {

  /** The template's headers in Chinese, as the sheet's first row. */
  public static final List<String> HEADER =
      List.of(
          "姓名", "性别", "民族", "出生日期", "身份证号", "联系电话", "学历", "职业", "职业类别", "新就业群体", "党组织代码", "党员类别",
          "入党日期", "转正日期");

  // ID numbers issued in Beijing's Dongcheng district, which the demo city never uses, with birth
  // dates counted up from 1960 so that no two tests share one.
  private static final AtomicInteger NEXT = new AtomicInteger();

  private MemberSheets() {}

  /** A fresh, valid ID number of someone born on a date no other call has used. */
  public static IdCardNumber freshId(Gender gender) {
    int n = NEXT.getAndIncrement();
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 12_000);
    int seq = 10 + (n / 12_000) * 10 + (gender == Gender.MALE ? 1 : 2);
    String body =
        "110101"
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%03d", seq).substring(0, 2)
            + (gender == Gender.MALE ? "1" : "2");
    return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
  }

  /** A valid row: a full member of the given branch who joined at 30 and converted a year on. */
  public static List<String> member(String name, IdCardNumber id, String organizationCode) {
    LocalDate birth = id.birthDate();
    LocalDate joined = birth.plusYears(30);
    boolean male = (id.value().charAt(16) - '0') % 2 == 1;
    return new ArrayList<>(
        Arrays.asList(
            name,
            male ? "男" : "女",
            "汉族",
            birth.toString(),
            id.value(),
            "13800138000",
            "大学本科",
            "社区工作者",
            "企业管理和专业技术人员",
            "",
            organizationCode,
            "正式党员",
            joined.toString(),
            joined.plusYears(1).toString()));
  }

  /** A workbook of the template's sheet with these rows below the Chinese header. */
  public static byte[] workbook(List<List<String>> rows) {
    return workbook(HEADER, rows);
  }

  public static byte[] workbook(List<String> header, List<List<String>> rows) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet ws = wb.newWorksheet("党员信息");
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          if (!row.get(c).isEmpty()) {
            ws.inlineString(r + 1, c, row.get(c));
          }
        }
        if (r % 1000 == 999) {
          ws.flush();
        }
      }
      wb.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a sheet as text, the header included, each as long as its widest row. */
  public static List<List<String>> read(byte[] xlsx, int sheet) {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> rows = new ArrayList<>();
      for (Row row : wb.getSheet(sheet).orElseThrow().read()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
          cells.add(row.getOptionalCell(c).map(x -> x.getText()).orElse(""));
        }
        while (rows.size() < row.getRowNum() - 1) {
          rows.add(List.of());
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of a workbook's sheets, in order. */
  public static List<String> sheetNames(byte[] xlsx) {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return wb.getSheets().map(s -> s.getName()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cells below the header of the first sheet filled with the given colour (RRGGBB), e.g. "E3".
   */
  public static Set<String> filledCells(byte[] xlsx, String rgb) {
    Map<String, String> parts = parts(xlsx);
    String styles = parts.get("xl/styles.xml");
    // Fills in order; the colour is written as ARGB.
    List<String> fills = elements(section(styles, "fills"), "fill");
    Set<Integer> fillIds = new HashSet<>();
    for (int i = 0; i < fills.size(); i++) {
      if (fills.get(i).toUpperCase().contains(rgb.toUpperCase())) {
        fillIds.add(i);
      }
    }
    List<String> xfs = elements(section(styles, "cellXfs"), "xf");
    Set<String> styleIds = new HashSet<>();
    Pattern fillId = Pattern.compile("fillId=\"(\\d+)\"");
    for (int i = 0; i < xfs.size(); i++) {
      Matcher m = fillId.matcher(xfs.get(i));
      if (m.find() && fillIds.contains(Integer.parseInt(m.group(1)))) {
        styleIds.add(Integer.toString(i));
      }
    }
    Set<String> cells = new HashSet<>();
    Matcher c =
        Pattern.compile("<c r=\"([A-Z]+\\d+)\"[^>]*?\\ss=\"(\\d+)\"")
            .matcher(parts.get("xl/worksheets/sheet1.xml"));
    while (c.find()) {
      if (styleIds.contains(c.group(2)) && !c.group(1).matches("[A-Z]+1")) {
        cells.add(c.group(1));
      }
    }
    return cells;
  }

  /** The comments of the first sheet by cell, e.g. "E3" to its text. */
  public static Map<String, String> comments(byte[] xlsx) {
    Map<String, String> comments = new HashMap<>();
    for (var part : parts(xlsx).entrySet()) {
      if (part.getKey().startsWith("xl/comments")) {
        Matcher m =
            Pattern.compile("<comment ref=\"([A-Z]+\\d+)\"[^>]*>(.*?)</comment>", Pattern.DOTALL)
                .matcher(part.getValue());
        while (m.find()) {
          comments.put(m.group(1), unescape(m.group(2).replaceAll("<[^>]+>", "")));
        }
      }
    }
    return comments;
  }

  /**
   * Every text of the member sheet's bundles in Chinese and English by key, as the application's
   * message source would find them.
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
      for (String base : List.of("messages", "i18n/person", "i18n/member", "i18n/member-import")) {
        String name = base + (english ? "_en" : "") + ".properties";
        try (var in = MemberSheets.class.getClassLoader().getResourceAsStream(name)) {
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

  private static Map<String, String> parts(byte[] xlsx) {
    // fastexcel streams its entries with sizes after the data, which ZipInputStream refuses.
    Map<String, String> parts = new HashMap<>();
    try {
      Path file = Files.createTempFile("sheet-", ".xlsx");
      try {
        Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
          for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            try (var in = zip.getInputStream(e)) {
              parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  private static String section(String xml, String tag) {
    int start = xml.indexOf("<" + tag);
    int end = xml.indexOf("</" + tag + ">", start);
    return start < 0 || end < 0 ? "" : xml.substring(start, end);
  }

  private static List<String> elements(String xml, String tag) {
    List<String> found = new ArrayList<>();
    Matcher m =
        Pattern.compile("<" + tag + "(?=[\\s/>])[^>]*?(/>|>.*?</" + tag + ">)", Pattern.DOTALL)
            .matcher(xml);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static String unescape(String xml) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(xml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(code)));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
