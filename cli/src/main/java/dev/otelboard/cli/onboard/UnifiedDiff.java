package dev.otelboard.cli.onboard;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs in the format {@code git apply} takes: {@code diff --git} headers, {@code
 * /dev/null} for new files, and {@code \ No newline at end of file} markers.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff of one file; {@code before} null means a new file. Empty when nothing changed. */
  public static String of(String path, String before, String after) {
    if (after.equals(before)) {
      return "";
    }
    Lines a = Lines.of(before == null ? "" : before);
    Lines b = Lines.of(after);
    StringBuilder out = new StringBuilder();
    out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
    if (before == null) {
      out.append("new file mode 100644\n");
      out.append("--- /dev/null\n");
    } else {
      out.append("--- a/").append(path).append('\n');
    }
    out.append("+++ b/").append(path).append('\n');
    Patch<String> patch = DiffUtils.diff(a.lines, b.lines);
    List<AbstractDelta<String>> deltas = patch.getDeltas();
    int i = 0;
    while (i < deltas.size()) {
      int j = i;
      // Merge deltas whose context would overlap into one hunk.
      while (j + 1 < deltas.size()
          && deltas.get(j + 1).getSource().getPosition()
              - (deltas.get(j).getSource().getPosition() + deltas.get(j).getSource().size())
              <= 2 * CONTEXT) {
        j++;
      }
      appendHunk(out, a, b, deltas.subList(i, j + 1));
      i = j + 1;
    }
    return out.toString();
  }

  private static void appendHunk(
      StringBuilder out, Lines a, Lines b, List<AbstractDelta<String>> deltas) {
    AbstractDelta<String> first = deltas.get(0);
    AbstractDelta<String> last = deltas.get(deltas.size() - 1);
    int aStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
    int aEnd =
        Math.min(a.lines.size(), last.getSource().getPosition() + last.getSource().size() + CONTEXT);
    int offset = first.getTarget().getPosition() - first.getSource().getPosition();
    int bStart = aStart + offset;
    List<String> body = new ArrayList<>();
    int aCount = 0;
    int bCount = 0;
    int pos = aStart;
    for (AbstractDelta<String> delta : deltas) {
      for (; pos < delta.getSource().getPosition(); pos++) {
        body.add(" " + a.lines.get(pos) + a.marker(pos));
        aCount++;
        bCount++;
      }
      for (int k = 0; k < delta.getSource().size(); k++) {
        body.add("-" + a.lines.get(pos + k) + a.marker(pos + k));
        aCount++;
      }
      int t = delta.getTarget().getPosition();
      for (int k = 0; k < delta.getTarget().size(); k++) {
        body.add("+" + b.lines.get(t + k) + b.marker(t + k));
        bCount++;
      }
      pos += delta.getSource().size();
    }
    for (; pos < aEnd; pos++) {
      body.add(" " + a.lines.get(pos) + a.marker(pos));
      aCount++;
      bCount++;
    }
    out.append("@@ -")
        .append(range(aStart, aCount))
        .append(" +")
        .append(range(bStart, bCount))
        .append(" @@\n");
    for (String line : body) {
      out.append(line).append('\n');
    }
  }

  private static String range(int start, int count) {
    int shown = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(shown) : shown + "," + count;
  }

  /** A text split into lines, remembering whether the last one ends with a newline. */
  private record Lines(List<String> lines, boolean missingFinalNewline) {
    static Lines of(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      boolean missing = !text.isEmpty() && !text.endsWith("\n");
      if (!missing) {
        lines.remove(lines.size() - 1); // the empty string after the final newline
      }
      return new Lines(lines, missing);
    }

    String marker(int index) {
      return missingFinalNewline && index == lines.size() - 1
          ? "\n\\ No newline at end of file"
          : "";
    }
  }
}
