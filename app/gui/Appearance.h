// Light or dark, following the system: which scheme the desktop asks for, a palette for it when
// the platform does not provide one, icons drawn in colours that read on it at every pixel
// density, and the colour of problem texts. Called once at start, before any window exists.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QWidget;

namespace tiertune::gui {

enum class ColorScheme { Light, Dark };

// What the desktop prefers: TIERTUNE_COLOR_SCHEME ("dark" or "light") when set, else the
// freedesktop portal's org.freedesktop.appearance color-scheme (GNOME, KDE, ...), else a GTK_THEME
// ending in ":dark", else whether the platform's own palette is already dark.
ColorScheme systemColorScheme();

// The scheme of a palette: dark when its window is darker than its text.
ColorScheme schemeOf(const QPalette& palette);

// Makes the application's palette follow scheme: a platform palette of the right kind is kept;
// otherwise the Fusion style with Tiertune's light or dark palette.
void applyColorScheme(ColorScheme scheme);

// A red for problem texts that keeps a contrast of at least 4.5:1 (WCAG AA) on palette's window.
QColor problemTextColor(const QPalette& palette);
// Shows widget's text in problemTextColor, and again after a palette change; with problem false,
// in the palette's own text colour again (a label that is a problem only sometimes).
void showAsProblem(QWidget* widget, bool problem = true);

// The background that marks text a model will learn (the import preview's trained tokens): a green
// tint of the palette's base on which its text keeps a contrast of at least 4.5:1.
QColor learnedTextBackground(const QPalette& palette);
// Text that matters less (the prompt around what is learned): between the text and the base
// colour, still at least 4.5:1 on the base.
QColor secondaryTextColor(const QPalette& palette);
// "#rrggbb", for the rich text of previews.
QString htmlColor(const QColor& colour);

// An icon from one of Tiertune's single-colour SVG icons (resources/icons), its strokes drawn in a
// colour that reads on the application's palette, rendered crisp from 16 to 256 pixels.
QIcon themedIcon(const QString& resourcePath);

// WCAG contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor& a, const QColor& b);

}  // namespace tiertune::gui
