package org.zugong.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.ZugongApplication;
import org.zugong.member.MemberImports;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.platform.spreadsheet.ImportJob;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.shared.IdCardNumber;

/**
 * Measures the member import at scale (see {@code bench/README.md}): starts Zugong on a throw-away
 * embedded database, writes a sheet of N members (100,000 by default) spread over 海曙区's branches,
 * imports it as haishu_admin and reports wall time, rows per second and the heap the import needed;
 * then copies the same rows with a plain PostgreSQL COPY into an unconstrained table and prints the
 * ratio. A second run imports the sheet with one bad cell in every hundred rows, which is refused
 * with an error workbook.
 *
 * <p>Usage: {@code bench/member-import.sh [rows]}.
 */
public final class MemberImportBench {

  private MemberImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("zugong-bench-import-");
    ConfigurableApplicationContext app =
        SpringApplication.run(
            ZugongApplication.class,
            "--zugong.data-dir=" + dir,
            "--zugong.demo.background=false",
            "--zugong.demo.members=20000",
            "--server.port=0",
            "--logging.level.root=WARN",
            "--logging.level.org.zugong.member.internal=INFO");
    try {
      run(app, dir, rows);
    } finally {
      app.close(); // stops the embedded PostgreSQL; its folder can go
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }

  private static void run(ConfigurableApplicationContext app, Path dir, int rows) throws Exception {
    var users = app.getBean(UserDetailsService.class);
    var user = users.loadUserByUsername("haishu_admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    MemberImports imports = app.getBean(MemberImports.class);
    List<String> codes = new ArrayList<>();
    for (OrganizationView o :
        app.getBean(Organizations.class)
            .search("", OrganizationKind.BRANCH, null, 0, 10_000)
            .rows()) {
      codes.add(o.code());
    }
    List<String[]> sheet = members(rows, codes, 0);
    Path good = dir.resolve("good.xlsx");
    Path bad = dir.resolve("bad.xlsx");
    write(good, sheet, false);
    // Other people for the second run: the first one's are members by then.
    write(bad, members(rows, codes, 50), true);
    System.out.printf(
        Locale.ROOT,
        "%nSheet: %,d rows over %,d branches of 海曙区, %.1f MB%n",
        rows,
        codes.size(),
        Files.size(good) / 1e6);

    Cpu cpu = new Cpu(dir.resolve("pgdata"));
    double[] load = new double[2];
    load[0] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    DataSource dataSource = app.getBean(DataSource.class);
    long[] before = lastIds(dataSource);
    Measured imported = importOnce(imports, good, cpu);
    Measured refused = importOnce(imports, bad, cpu);
    double[] copyCpu = cpu.now();
    double copy = copy(dataSource, sheet);
    double copyDatabaseCpu = cpu.now()[1] - copyCpu[1];
    double[] likeCpu = cpu.now();
    double copyLike = copyLikeOurTables(dataSource, before);
    double copyLikeDatabaseCpu = cpu.now()[1] - likeCpu[1];
    load[1] = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    System.out.printf(
        Locale.ROOT,
        "%n| run | rows | status | wall time | rows/s | CPU time Java | CPU time PostgreSQL"
            + " | peak heap above idle | peak live heap above idle |%n"
            + "|---|---|---|---|---|---|---|---|---|%n");
    print("import (all rows valid)", rows, imported);
    print("import (1 bad cell per 100 rows)", rows, refused);
    System.out.printf(
        Locale.ROOT,
        "| plain COPY of the same rows | %,d | - | %.2f s | %,.0f | - | %.2f s | - | - |%n",
        rows,
        copy,
        rows / copy,
        copyDatabaseCpu);
    System.out.printf(
        Locale.ROOT,
        "| COPY of the rows the import wrote into tables like ours | %,d | - | %.2f s | %,.0f | - |"
            + " %.2f s | - | - |%n",
        rows,
        copyLike,
        rows / copyLike,
        copyLikeDatabaseCpu);
    System.out.printf(
        Locale.ROOT,
        "%nImport / plain COPY: %.1f x wall time, %.1f x CPU time of PostgreSQL and Java"
            + " (load average %.1f before, %.1f after)%n",
        imported.seconds() / copy,
        (imported.javaCpu() + imported.databaseCpu()) / copyDatabaseCpu,
        load[0],
        load[1]);
    System.out.printf(
        Locale.ROOT,
        "Import / COPY into tables like ours: %.1f x wall time, %.1f x CPU time of PostgreSQL%n",
        imported.seconds() / copyLike,
        imported.databaseCpu() / copyLikeDatabaseCpu);
  }

  /**
   * CPU time used so far by this JVM and by the embedded PostgreSQL (the postmaster and its
   * processes, read from /proc): what the work costs, whatever else the machine is doing.
   */
  private static final class Cpu {
    private final Path pidFile;

    Cpu(Path dataDirectory) {
      this.pidFile = dataDirectory.resolve("postmaster.pid");
    }

    /** Seconds of CPU time: [Java, PostgreSQL]. */
    double[] now() {
      double java =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1e9;
      return new double[] {java, postgres()};
    }

    private double postgres() {
      try {
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
          for (Path p : (Iterable<Path>) procs::iterator) {
            String name = p.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit)) {
              continue;
            }
            String stat;
            try {
              stat = Files.readString(p.resolve("stat"));
            } catch (IOException e) {
              continue; // gone meanwhile
            }
            // After the command in parentheses: state, ppid, ..., utime (14th), stime (15th).
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(name);
            if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          }
        }
        return ticks / 100.0; // USER_HZ
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
  }

  /**
   * @param peakHeapBytes the most heap in use above idle, garbage included
   * @param peakLiveBytes the most heap still in use after a collection, above idle: what the import
   *     holds
   */
  private record Measured(
      ImportJob job,
      double seconds,
      double javaCpu,
      double databaseCpu,
      long peakHeapBytes,
      long peakLiveBytes) {}

  private static void print(String name, int rows, Measured m) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %s | %.2f s | %,.0f | %.2f s | %.2f s | %,d MB | %,d MB |%n",
        name,
        rows,
        m.job().status(),
        m.seconds(),
        rows / m.seconds(),
        m.javaCpu(),
        m.databaseCpu(),
        m.peakHeapBytes() / 1_000_000,
        m.peakLiveBytes() / 1_000_000);
  }

  /** Imports a sheet and waits for the end, sampling the heap every 20 ms meanwhile. */
  private static Measured importOnce(MemberImports imports, Path sheet, Cpu cpu) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long idle = memory.getHeapMemoryUsage().getUsed();
    long idleLive = live();
    AtomicLong peak = new AtomicLong(idle);
    AtomicLong peakLive = new AtomicLong(idleLive);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakLive.accumulateAndGet(live(), Math::max);
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    double[] cpuBefore = cpu.now();
    long start = System.nanoTime();
    long id;
    try (var in = Files.newInputStream(sheet)) {
      id = imports.start(sheet.getFileName().toString(), in, Locale.SIMPLIFIED_CHINESE);
    }
    ImportJob job;
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    do {
      Thread.sleep(50);
      job = imports.find(id).orElseThrow();
    } while (!job.status().finished() && System.nanoTime() < deadline);
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] cpuAfter = cpu.now();
    sampler.interrupt();
    sampler.join();
    if (job.status() == ImportStatus.FAILED) {
      throw new IllegalStateException("Import failed: " + job.failureKey());
    }
    return new Measured(
        job,
        seconds,
        cpuAfter[0] - cpuBefore[0],
        cpuAfter[1] - cpuBefore[1],
        peak.get() - idle,
        peakLive.get() - idleLive);
  }

  /** The heap in use right after the last collection of each pool. */
  private static long live() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage after = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && after != null) {
        live += after.getUsed();
      }
    }
    return live;
  }

  /**
   * The rows of a sheet: valid members with ID numbers no other sheet with another {@code sequence}
   * base has.
   */
  private static List<String[]> members(int rows, List<String> codes, int sequence) {
    List<String[]> out = new ArrayList<>(rows);
    String[] surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑".split("");
    String[] given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉".split("");
    for (int i = 0; i < rows; i++) {
      LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i % 18_000);
      boolean male = i % 3 != 0;
      // Region 110101 (never used by the demo city), a sequence from the row number.
      String body =
          "110101"
              + String.format(
                  Locale.ROOT,
                  "%04d%02d%02d",
                  birth.getYear(),
                  birth.getMonthValue(),
                  birth.getDayOfMonth())
              + String.format(Locale.ROOT, "%02d", sequence + i / 18_000)
              + (male ? 1 : 2);
      IdCardNumber id = new IdCardNumber(body + IdCardNumber.checkCharacter(body));
      LocalDate joined = birth.plusYears(25);
      out.add(
          new String[] {
            surnames[i % surnames.length]
                + given[(i / 7) % given.length]
                + given[(i / 3) % given.length],
            male ? "男" : "女",
            "汉族",
            birth.toString(),
            id.value(),
            "138" + String.format(Locale.ROOT, "%08d", i),
            "大学本科",
            "社区工作者",
            "企业管理和专业技术人员",
            "",
            codes.get(i % codes.size()),
            "正式党员",
            joined.toString(),
            joined.plusYears(1).toString()
          });
    }
    return out;
  }

  private static final String[] HEADER = {
    "姓名", "性别", "民族", "出生日期", "身份证号", "联系电话", "学历", "职业", "职业类别", "新就业群体", "党组织代码", "党员类别", "入党日期",
    "转正日期"
  };

  /** Writes the sheet; with {@code withErrors} every hundredth row has an unknown ethnicity. */
  private static void write(Path file, List<String[]> rows, boolean withErrors) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "bench", "1.0");
      Worksheet ws = wb.newWorksheet("党员信息");
      for (int c = 0; c < HEADER.length; c++) {
        ws.value(0, c, HEADER[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        for (int c = 0; c < row.length; c++) {
          String v = withErrors && c == 2 && r % 100 == 50 ? "火星族" : row[c];
          if (!v.isEmpty()) {
            ws.inlineString(r + 1, c, v);
          }
        }
        if (r % 1000 == 999) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }

  /** The last person and member ids before the import: the import's rows come after them. */
  private static long[] lastIds(DataSource dataSource) {
    return DataScope.asSystem(
        () -> {
          try (Connection c = dataSource.getConnection();
              var st = c.createStatement();
              var rs =
                  st.executeQuery(
                      "select (select coalesce(max(id), 0) from person),"
                          + " (select coalesce(max(id), 0) from member)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * The rows the import wrote (persons, members and their events, encrypted and hashed as stored),
   * copied with COPY into tables made {@code like ... including all} of ours: the same columns,
   * defaults, checks and indexes, without row-level security, triggers (the member tally) or
   * foreign keys. What is left between this and the import is the import's own work.
   */
  private static double copyLikeOurTables(DataSource dataSource, long[] before) {
    return DataScope.asSystem(
        () -> {
          try (Connection c = dataSource.getConnection();
              var st = c.createStatement()) {
            var copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            String[][] tables = {
              {"person", "id > " + before[0]},
              {"member", "id > " + before[1]},
              {"member_event", "member_id > " + before[1]}
            };
            List<String> data = new ArrayList<>();
            for (String[] t : tables) {
              var out = new java.io.StringWriter();
              copyApi.copyOut(
                  "copy (select * from " + t[0] + " where " + t[1] + ") to stdout", out);
              data.add(out.toString());
              st.execute("create table bench_like_" + t[0] + " (like " + t[0] + " including all)");
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            for (int i = 0; i < tables.length; i++) {
              copyApi.copyIn(
                  "copy bench_like_" + tables[i][0] + " from stdin", new StringReader(data.get(i)));
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            for (String[] t : tables) {
              st.execute("drop table bench_like_" + t[0]);
            }
            return seconds;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** A plain COPY of the same rows into a table with no index, policy or encryption. */
  private static double copy(DataSource dataSource, List<String[]> rows) throws Exception {
    StringBuilder csv = new StringBuilder(rows.size() * 160);
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          csv.append(',');
        }
        if (!row[c].isEmpty()) {
          csv.append('"').append(row[c]).append('"');
        }
      }
      csv.append('\n');
    }
    String data = csv.toString();
    return DataScope.asSystem(
        () -> {
          try (Connection c = dataSource.getConnection();
              var st = c.createStatement()) {
            st.execute(
                "create unlogged table bench_plain_copy (name text, gender text, ethnicity text,"
                    + " birth_date date, id_number text, phone text, education text, occupation text,"
                    + " category text, new_employment_group text, organization_code text, stage text,"
                    + " joined_on date, full_on date)");
            long start = System.nanoTime();
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy bench_plain_copy from stdin (format csv)", new StringReader(data));
            double seconds = (System.nanoTime() - start) / 1e9;
            st.execute("drop table bench_plain_copy");
            return seconds;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
