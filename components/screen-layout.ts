// How the screen's rows are shared: header, the save-problem and diagnostics banners, the
// body (description over the phase list, or a full-body view), the notice row(s) and the
// key hints. Pure arithmetic, so every screen sizes itself from the same numbers.
import type { Diagnostic } from '../src/compiler/types.js';
import { bannerHeight, bannerLimit } from './DiagnosticsBanner.js';
import { bottomLineRows, type BottomLineShowing } from './BottomLine.js';
import { descriptionLines } from './DescriptionView.js';

export interface LayoutInput {
  rows: number;
  columns: number;
  diagnostics: Diagnostic[];
  source: string;
  description: string | null;
  /** the problems view is open: the banner gives way to it */
  problemsOpen: boolean;
  /** the save-problem banner is up */
  notSaved: boolean;
  showing: BottomLineShowing;
  noticeText: string;
}

export interface ScreenLayout {
  /** how many problems the banner lists */
  shownProblems: number;
  noticeRows: number;
  /** rows between the banners and the notice */
  bodyHeight: number;
  /** the body below the description */
  listHeight: number;
}

export function screenLayout(input: LayoutInput): ScreenLayout {
  const { rows, columns, diagnostics, source } = input;
  // the banner keeps at most half the screen (the problems view `!` lists them all) and
  // gives way to that view; the notice row grows with its wrapped text
  const shownProblems = bannerLimit(diagnostics, source, columns, Math.floor(rows / 2));
  const banner = (input.problemsOpen ? 0 : bannerHeight(diagnostics, source, columns, shownProblems)) + (input.notSaved ? 1 : 0);
  const noticeRows = bottomLineRows(input.showing, input.noticeText, columns);
  const description = descriptionLines(input.description, columns, 3).length;
  // header, key hints, and the row Ink keeps below the frame
  const bodyHeight = Math.max(3, rows - 1 - 1 - 1 - noticeRows - banner);
  return { shownProblems, noticeRows, bodyHeight, listHeight: Math.max(1, bodyHeight - description) };
}
