package org.zugong.platform;

/**
 * A figure on the home page, computed from records within the user's scope when the page is shown,
 * with the link that opens the records behind it.
 *
 * @param label message key
 * @param value the count, as computed now
 * @param link the list of records it counts
 */
public record HomeFigure(String label, long value, String link, int order) {}
