// Light and dark: the scheme the desktop asks for is followed, texts and icons keep their
// contrast on either palette, and problem texts stay readable.
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QTest>

#include "app/gui/Appearance.h"

using namespace tiertune::gui;

namespace {

// The mean colour of an icon's drawn (non-transparent) pixels.
QColor inkOf(const QIcon& icon, int size) {
  const QImage image = icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
  double r = 0, g = 0, b = 0, weight = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor pixel = image.pixelColor(x, y);
      if (pixel.alphaF() < 0.9) continue;
      r += pixel.redF();
      g += pixel.greenF();
      b += pixel.blueF();
      weight += 1;
    }
  }
  return weight > 0 ? QColor::fromRgbF(static_cast<float>(r / weight), static_cast<float>(g / weight),
                                       static_cast<float>(b / weight))
                    : QColor();
}

}  // namespace

class TestAppearance : public QObject {
  Q_OBJECT

 private slots:
  void contrastRatioIsWcags() {
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    QVERIFY(qAbs(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
  }

  void theEnvironmentCanForceAScheme() {
    qputenv("TIERTUNE_COLOR_SCHEME", "dark");
    QCOMPARE(systemColorScheme(), ColorScheme::Dark);
    qputenv("TIERTUNE_COLOR_SCHEME", "light");
    QCOMPARE(systemColorScheme(), ColorScheme::Light);
    qunsetenv("TIERTUNE_COLOR_SCHEME");
  }

  void bothSchemesReadWell() {
    for (ColorScheme scheme : {ColorScheme::Dark, ColorScheme::Light}) {
      applyColorScheme(scheme);
      const QPalette palette = QApplication::palette();
      QCOMPARE(schemeOf(palette), scheme);
      QVERIFY(contrastRatio(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) >= 7.0);
      QVERIFY(contrastRatio(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 7.0);
      QVERIFY(contrastRatio(problemTextColor(palette), palette.color(QPalette::Window)) >= 4.5);
      QVERIFY(contrastRatio(problemTextColor(palette), palette.color(QPalette::Base)) >= 4.5);
      // The import preview: learned text on its tint, and the context around it, both read (the
      // fixed light green once put light text on light green in the dark scheme).
      const QColor learned = learnedTextBackground(palette);
      QVERIFY2(contrastRatio(palette.color(QPalette::Text), learned) >= 4.5,
               qPrintable(QStringLiteral("text %1 on %2").arg(palette.color(QPalette::Text).name(), learned.name())));
      QVERIFY(learned != palette.color(QPalette::Base));  // the tint shows
      QVERIFY(learned.green() > learned.red() && learned.green() > learned.blue());
      const QColor secondary = secondaryTextColor(palette);
      QVERIFY(contrastRatio(secondary, palette.color(QPalette::Base)) >= 4.5);
      QVERIFY(contrastRatio(secondary, palette.color(QPalette::Base)) <
              contrastRatio(palette.color(QPalette::Text), palette.color(QPalette::Base)));

      // The navigation icons are drawn in a colour that stands out from the window at every size.
      for (int size : {16, 24, 48, 128}) {
        const QColor ink = inkOf(themedIcon(QStringLiteral(":/icons/runs.svg")), size);
        QVERIFY2(ink.isValid(), "the icon draws nothing");
        QVERIFY2(contrastRatio(ink, palette.color(QPalette::Window)) >= 3.0,
                 qPrintable(QStringLiteral("icon ink %1 on window %2 at %3 px")
                                .arg(ink.name(), palette.color(QPalette::Window).name())
                                .arg(size)));
        QCOMPARE(themedIcon(QStringLiteral(":/icons/runs.svg")).pixmap(size, size).width(), size);
      }
    }
  }

  void problemTextsFollowAPaletteChange() {
    applyColorScheme(ColorScheme::Light);
    QLabel label(QStringLiteral("The disk is full."));
    showAsProblem(&label);
    QCOMPARE(label.palette().color(QPalette::WindowText), problemTextColor(QApplication::palette()));
    applyColorScheme(ColorScheme::Dark);
    QCoreApplication::processEvents();
    QCOMPARE(label.palette().color(QPalette::WindowText), problemTextColor(QApplication::palette()));
    QVERIFY(contrastRatio(label.palette().color(QPalette::WindowText), QApplication::palette().color(QPalette::Window)) >= 4.5);
    // A label that is a problem only sometimes (the plan's verdict) goes back to the usual text.
    showAsProblem(&label, false);
    QCOMPARE(label.palette().color(QPalette::WindowText), QApplication::palette().color(QPalette::WindowText));
    applyColorScheme(ColorScheme::Light);
    QCoreApplication::processEvents();
    QCOMPARE(label.palette().color(QPalette::WindowText), QApplication::palette().color(QPalette::WindowText));
  }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
