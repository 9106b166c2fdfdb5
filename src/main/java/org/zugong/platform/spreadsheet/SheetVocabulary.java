package org.zugong.platform.spreadsheet;

import org.jspecify.annotations.Nullable;

/**
 * The values the coded columns of a sheet take.
 *
 * @param <C> the sheet's columns
 */
public interface SheetVocabulary<C extends SheetColumn> {

  /** The value a cell's text names in a coded column, or {@code null}. */
  <E extends Enum<E>> @Nullable E find(C column, String text, Class<E> type);
}
