// The wizards' page header, whole in every language. QWizard's modern header sizes its word-wrapped
// subtitle from the label's size hint, which guesses a width; a Japanese or Chinese subtitle (no
// spaces to wrap at) then needs a line more than the header gives it, and its last line is cut off.
// keepSubTitleWhole makes the header as tall as the subtitle needs at the header's real width, on
// every page and after every resize.
#pragma once

class QWizard;

namespace tiertune::gui {

void keepSubTitleWhole(QWizard* wizard);

}  // namespace tiertune::gui
