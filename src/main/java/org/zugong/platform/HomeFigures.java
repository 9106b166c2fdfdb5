package org.zugong.platform;

import java.util.List;

/** A module's figures for the home page; each module that has records to count implements one. */
public interface HomeFigures {

  List<HomeFigure> figures();
}
