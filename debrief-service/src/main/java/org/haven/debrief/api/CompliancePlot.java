package org.haven.debrief.api;

import org.haven.debrief.domain.ComplianceHistory;

import java.util.List;
import java.util.Locale;

/**
 * Draws one site's time from incident to debrief as an inline SVG, on the server so the page needs no
 * script library and works offline: per month a bar of the median hours to the circle, a mark at the
 * longest, how many were held by their deadline above it, and a dashed line at each deadline that applied.
 * Presentation attributes only (no {@code style}), so the page's content security policy holds.
 */
final class CompliancePlot {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 52;
    private static final int RIGHT = 96;
    private static final int TOP = 24;
    private static final int BOTTOM = 44;
    private static final int[] STEPS = {1, 2, 6, 12, 24, 48, 96, 168, 336};

    private CompliancePlot() {
    }

    static String svg(ComplianceHistory.Site site, String id) {
        List<ComplianceHistory.Month> months = site.months();
        double top = Math.max(1, Math.max(months.stream().mapToDouble(ComplianceHistory.Month::longestHours).max().orElse(0),
                site.deadlineHours().stream().mapToLong(Long::longValue).max().orElse(0)));
        int step = step(top);
        double scale = Math.ceil(top * 1.1 / step) * step;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">Hours from incident to debrief, ").append(escape(site.siteId()))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(escape(description(site))).append("</desc>");
        for (double hours = 0; hours <= scale; hours += step) {
            double y = y(hours, scale, plotHeight);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">").append((long) hours).append(" h</text>");
        }
        double slot = (double) plotWidth / months.size();
        double barWidth = Math.min(48, slot * 0.6);
        for (int i = 0; i < months.size(); i++) {
            ComplianceHistory.Month month = months.get(i);
            double centre = LEFT + slot * i + slot / 2;
            svg.append("<text class=\"month\" x=\"").append(fmt(centre)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">").append(month.month()).append("</text>");
            if (month.held() == 0) {
                svg.append("<text class=\"none\" x=\"").append(fmt(centre)).append("\" y=\"").append(fmt(y(0, scale, plotHeight) - 6))
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#888\">none held</text>");
                continue;
            }
            double barTop = y(month.medianHours(), scale, plotHeight);
            double longest = y(month.longestHours(), scale, plotHeight);
            boolean allMet = month.heldByDeadline() == month.held();
            svg.append("<rect class=\"median ").append(allMet ? "met" : "missed").append("\" x=\"").append(fmt(centre - barWidth / 2))
                    .append("\" y=\"").append(fmt(barTop)).append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                    .append(fmt(y(0, scale, plotHeight) - barTop)).append("\" fill=\"").append(allMet ? "#2f5d50" : "#b8860b")
                    .append("\"><title>").append(month.month()).append(": median ").append(hours(month.medianHours()))
                    .append(" h, longest ").append(hours(month.longestHours())).append(" h</title></rect>")
                    .append("<line class=\"longest\" x1=\"").append(fmt(centre - barWidth / 2)).append("\" x2=\"")
                    .append(fmt(centre + barWidth / 2)).append("\" y1=\"").append(fmt(longest)).append("\" y2=\"").append(fmt(longest))
                    .append("\" stroke=\"#222\" stroke-width=\"2\"/>")
                    .append("<text class=\"on-time\" x=\"").append(fmt(centre)).append("\" y=\"").append(fmt(Math.min(longest, barTop) - 6))
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">").append(month.heldByDeadline()).append('/')
                    .append(month.held()).append(" on time</text>");
        }
        for (long deadline : site.deadlineHours()) {
            double y = y(deadline, scale, plotHeight);
            svg.append("<line class=\"deadline\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#a33\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
                    .append("<text class=\"deadline-label\" x=\"").append(LEFT + plotWidth + 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" font-size=\"11\" fill=\"#a33\">").append(deadline).append(" h deadline</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"").append(TOP + plotHeight)
                .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#333\"/></svg>");
        return svg.toString();
    }

    private static String description(ComplianceHistory.Site site) {
        long held = site.months().stream().mapToLong(ComplianceHistory.Month::held).sum();
        long onTime = site.months().stream().mapToLong(ComplianceHistory.Month::heldByDeadline).sum();
        return "Median and longest hours from incident to debrief per month; " + onTime + " of " + held
                + " debriefs held by their deadline. The table below gives the same numbers.";
    }

    private static int step(double top) {
        for (int step : STEPS) {
            if (top / step <= 6) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    private static double y(double hours, double scale, int plotHeight) {
        return TOP + plotHeight - hours / scale * plotHeight;
    }

    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f", hours);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
