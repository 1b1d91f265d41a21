package dev.attento.cli;

import dev.attento.seq2seq.eval.QualityReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Plain-text tables for the terminal. */
final class Tables {

  private Tables() {}

  /** Quality by source length, one column group per system. */
  static void quality(PrintWriter out, List<String> systems, List<QualityReport> reports) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-8s %5s", "length", "n"));
    for (String s : systems) {
      head.append(String.format(Locale.ROOT, " | %-30s", abbreviate(s, 30)));
    }
    out.println(head);
    StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-8s %5s", "", ""));
    for (int i = 0; i < systems.size(); i++) {
      sub.append(String.format(Locale.ROOT, " | %7s %7s %6s %6s", "exact", "tokacc", "BLEU", "chrF"));
    }
    out.println(sub);
    List<QualityReport.Row> first = reports.get(0).buckets();
    for (int r = 0; r <= first.size(); r++) {
      QualityReport.Row base = r < first.size() ? first.get(r) : reports.get(0).overall();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %5d", base.label(), base.sentences()));
      for (QualityReport rep : reports) {
        QualityReport.Row row = r < first.size() ? find(rep, base.label()) : rep.overall();
        line.append(row == null ? String.format(Locale.ROOT, " | %30s", "")
            : String.format(Locale.ROOT, " | %7.3f %7.3f %6.1f %6.1f", row.exactMatch(), row.tokenAccuracy(), row.bleu(),
                row.chrf()));
      }
      out.println(line);
    }
  }

  private static QualityReport.Row find(QualityReport rep, String label) {
    return rep.buckets().stream().filter(x -> x.label().equals(label)).findFirst().orElse(null);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
  }
}
