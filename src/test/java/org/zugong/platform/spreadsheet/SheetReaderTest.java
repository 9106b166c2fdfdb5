package org.zugong.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick count of a sheet's rows that gives an import's progress its total. */
class SheetReaderTest {

  @TempDir Path dir;

  Path workbook(int firstSheetRows, int secondSheetRows) throws IOException {
    Path file = dir.resolve("w" + firstSheetRows + "-" + secondSheetRows + ".xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      Worksheet first = wb.newWorksheet("党员信息");
      for (int r = 0; r < firstSheetRows; r++) {
        first.value(r, 0, "行" + r);
      }
      Worksheet second = wb.newWorksheet("其他");
      for (int r = 0; r < secondSheetRows; r++) {
        second.value(r, 0, r);
      }
      wb.finish();
    }
    return file;
  }

  @Test
  void countsTheRowsOfTheFirstSheetOnly() throws IOException {
    assertThat(SheetReader.rowTags(workbook(1_201, 7), 1_000_000)).isEqualTo(1_201);
    assertThat(SheetReader.rowTags(workbook(3, 500), 1_000_000)).isEqualTo(3);
  }

  @Test
  void stopsCountingAtTheLimit() throws IOException {
    assertThat(SheetReader.rowTags(workbook(1_201, 0), 1_000)).isEqualTo(1_000);
  }

  @Test
  void saysNothingOfAFileThatIsNoWorkbook() throws IOException {
    Path text = Files.writeString(dir.resolve("a.xlsx"), "姓名,性别\n张三,男\n");
    assertThat(SheetReader.rowTags(text, 1_000)).isZero();
    assertThat(SheetReader.rowTags(dir.resolve("missing.xlsx"), 1_000)).isZero();
  }

  @Test
  void countsRowStartTagsWithOrWithoutAPrefixAndNothingElse() throws IOException {
    String xml =
        """
        <?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><x:dimension ref="A1:B4"/>
        <x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>
        <row r="2"/><row>
        </row><row\tr="4"></row><rows/><rowBreaks count="0"/><x:rowBreaks/>
        </x:sheetData></x:worksheet>
        """;
    assertThat(
            SheetReader.countRowTags(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 100))
        .isEqualTo(4);
  }
}
