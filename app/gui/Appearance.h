// Light or dark, following the system: which scheme the desktop asks for, a palette for it when
// the platform does not provide one, icons drawn in colours that read on it at every pixel
// density, and the colour of problem texts. Called once at start, before any window exists.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>
#include <vector>

class QWidget;

namespace tiertune::gui {

enum class ColorScheme { Light, Dark };

// What the desktop prefers: TIERTUNE_COLOR_SCHEME ("dark" or "light") when set, else the
// freedesktop portal's org.freedesktop.appearance color-scheme (GNOME, KDE, ...), else a GTK_THEME
// ending in ":dark", else whether the platform's own palette is already dark.
ColorScheme systemColorScheme();

// The scheme of a palette: dark when its window is darker than its text.
ColorScheme schemeOf(const QPalette& palette);

// Makes the application's palette follow scheme: a platform style and palette of the right kind are
// kept; otherwise the Fusion style with Tiertune's light or dark palette. Fusion's radio buttons and
// check boxes get an edge that shows in either scheme.
void applyColorScheme(ColorScheme scheme);

// The colours that carry meaning, chosen for one palette's scheme (light or dark): the one place
// they come from. A text or mark that says "problem", "learned", "matters less" or "more than
// planned" takes its colour here, never a literal, so it reads in either scheme.
struct MeaningColors {
  QColor problemText;        // errors, failed runs, a peak over its budget: on Window, Base, AlternateBase
  QColor secondaryText;      // what matters less (the prompt around learned text, "not started"): on Base
  QColor learnedText;        // the text a model will learn (the import preview) ...
  QColor learnedBackground;  // ... on a green tint of Base
  QColor overPlan;           // a measured peak well over the plan (the device bar): on Window and Base

  // Every foreground and background these colours are drawn together with, named, each to keep a
  // contrast of at least 4.5:1 (WCAG AA); tst_appearance checks them all in both schemes.
  struct Pair {
    QString name;
    QColor foreground;
    QColor background;
  };
  std::vector<Pair> pairs() const { return pairs_; }

 private:
  friend MeaningColors meaningColors(const QPalette& palette);
  std::vector<Pair> pairs_;
};

// The meaning colours for palette (usually QApplication::palette() or a widget's own).
MeaningColors meaningColors(const QPalette& palette);

// Shows widget's text in the problem colour, and again after a palette change; with problem false,
// in the palette's own text colour again (a label that is a problem only sometimes).
void showAsProblem(QWidget* widget, bool problem = true);

// "#rrggbb", for the rich text of previews.
QString htmlColor(const QColor& colour);

// An icon from one of Tiertune's single-colour SVG icons (resources/icons), its strokes drawn in a
// colour that reads on the application's palette, rendered crisp from 16 to 256 pixels.
QIcon themedIcon(const QString& resourcePath);

// WCAG contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor& a, const QColor& b);

}  // namespace tiertune::gui
