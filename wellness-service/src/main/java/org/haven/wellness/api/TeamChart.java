package org.haven.wellness.api;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The team view's plots as inline SVG, drawn on the server so the page needs no script or chart library.
 * Styling is by class (the stylesheet), never inline, so the page's Content-Security-Policy holds. Every
 * figure drawn here is also in the page's table, which is what screen readers read.
 */
final class TeamChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 190;
    static final int LEFT = 34;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 42;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    /** One month's completion: follow-ups opened in it and how many of them happened, or why it is not shown (counts then null). */
    record Completion(YearMonth month, Long opened, Long completed, String withheld) {
    }

    /** One month's mean on a subscale, or why it is not shown (mean then null). */
    record Point(YearMonth month, Double mean, String withheld) {
    }

    private TeamChart() {
    }

    static String completion(String id, String title, List<Completion> months) {
        long most = Math.max(1, months.stream().filter(m -> m.opened() != null).mapToLong(Completion::opened).max().orElse(1));
        StringBuilder svg = open(id, title, "Bars per month: follow-ups opened (light) and how many of them happened (dark);"
                + " months whose follow-ups concern fewer than 5 people are not shown.");
        yAxis(svg, "0", String.valueOf(most));
        double slot = (double) PLOT_WIDTH / months.size();
        for (int i = 0; i < months.size(); i++) {
            Completion m = months.get(i);
            double x = LEFT + i * slot;
            if (m.opened() == null) {
                withheld(svg, x, slot, m.withheld());
            } else {
                double bar = slot * 0.36;
                bar(svg, "bar-opened", x + slot * 0.12, bar, (double) m.opened() / most);
                bar(svg, "bar-completed", x + slot * 0.52, bar, (double) m.completed() / most);
            }
            monthLabel(svg, m.month(), x + slot / 2);
        }
        legend(svg, new String[] {"bar-opened", "opened"}, new String[] {"bar-completed", "happened"});
        return svg.append("</svg>").toString();
    }

    static String trend(String id, String title, int min, int max, List<Point> months) {
        StringBuilder svg = open(id, title, "Mean per month on a scale from " + min + " to " + max
                + "; months where fewer than 5 people checked in are not shown.");
        yAxis(svg, String.valueOf(min), String.valueOf(max));
        double slot = (double) PLOT_WIDTH / months.size();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Point p = months.get(i);
            double cx = LEFT + i * slot + slot / 2;
            if (p.mean() == null) {
                flushLine(svg, line);
                withheld(svg, LEFT + i * slot, slot, p.withheld());
            } else {
                double cy = TOP + PLOT_HEIGHT - (p.mean() - min) / Math.max(1, max - min) * PLOT_HEIGHT;
                line.append(line.isEmpty() ? "" : " ").append(fmt(cx)).append(',').append(fmt(cy));
                svg.append("<circle class=\"point\" cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy)).append("\" r=\"3.5\"/>");
                svg.append("<text class=\"value\" x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(cy - 7))
                        .append("\" text-anchor=\"middle\">").append(escape(mean(p.mean()))).append("</text>");
            }
            monthLabel(svg, p.month(), cx);
        }
        flushLine(svg, line);
        return svg.append("</svg>").toString();
    }

    static String mean(double mean) {
        return String.format(Locale.ROOT, "%.2f", mean).replaceAll("\\.?0+$", "");
    }

    private static StringBuilder open(String id, String title, String description) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(escape(description)).append("</desc>");
        return svg;
    }

    private static void yAxis(StringBuilder svg, String bottom, String top) {
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" x2=\"")
                .append(LEFT + PLOT_WIDTH).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>");
        svg.append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + PLOT_HEIGHT)
                .append("\" text-anchor=\"end\">").append(escape(bottom)).append("</text>");
        svg.append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 8)
                .append("\" text-anchor=\"end\">").append(escape(top)).append("</text>");
    }

    /** A shaded month with the reason its figure is not shown, written up the slot. */
    private static void withheld(StringBuilder svg, double x, double slot, String why) {
        svg.append("<rect class=\"withheld\" x=\"").append(fmt(x + 1)).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(fmt(slot - 2)).append("\" height=\"").append(PLOT_HEIGHT).append("\"/>");
        svg.append("<text class=\"withheld-label\" transform=\"translate(").append(fmt(x + slot / 2 + 3)).append(' ')
                .append(TOP + PLOT_HEIGHT - 4).append(") rotate(-90)\">").append(escape(why)).append("</text>");
    }

    private static void bar(StringBuilder svg, String css, double x, double width, double share) {
        double height = share * PLOT_HEIGHT;
        svg.append("<rect class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                .append(fmt(TOP + PLOT_HEIGHT - height)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
                .append(fmt(height)).append("\"/>");
    }

    private static void monthLabel(StringBuilder svg, YearMonth month, double x) {
        svg.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 14)
                .append("\" text-anchor=\"middle\">").append(month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .append("</text>");
    }

    private static void legend(StringBuilder svg, String[]... entries) {
        double x = LEFT;
        int y = HEIGHT - 12;
        for (String[] entry : entries) {
            svg.append("<rect class=\"").append(entry[0]).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(y - 9)
                    .append("\" width=\"10\" height=\"10\"/>");
            svg.append("<text class=\"tick\" x=\"").append(fmt(x + 14)).append("\" y=\"").append(y).append("\">")
                    .append(escape(entry[1])).append("</text>");
            x += 90;
        }
    }

    private static void flushLine(StringBuilder svg, StringBuilder line) {
        if (line.indexOf(" ") > 0) {
            svg.append("<polyline class=\"line\" points=\"").append(line).append("\"/>");
        }
        line.setLength(0);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
