#include "app/gui/Appearance.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#include <QEvent>
#include <QFile>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QSvgRenderer>
#include <QWidget>
#include <algorithm>
#include <cmath>
#include <optional>

namespace tiertune::gui {

namespace {

// The stroke colour the icons are drawn with in resources/icons; replaced by the palette's.
const QByteArray kIconInk = QByteArrayLiteral("#3c5a7d");

double relativeLuminance(const QColor& colour) {
  auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

// The portal answers Read with a variant inside a variant; 1 prefers dark, 2 light, 0 no preference.
std::optional<ColorScheme> portalColorScheme() {
  QDBusConnection bus = QDBusConnection::sessionBus();
  if (!bus.isConnected()) return std::nullopt;
  QDBusMessage call = QDBusMessage::createMethodCall(
      QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
      QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
  call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
  // A short wait: a desktop without the portal must not delay the start.
  const QDBusMessage reply = bus.call(call, QDBus::Block, 300);
  if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) return std::nullopt;
  QVariant value = reply.arguments().constFirst();
  while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>()) {
    value = value.value<QDBusVariant>().variant();
  }
  bool ok = false;
  const uint preference = value.toUInt(&ok);
  if (!ok || preference == 0) return std::nullopt;
  return preference == 1 ? ColorScheme::Dark : ColorScheme::Light;
}

QPalette darkPalette() {
  const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6),
      disabled(0x80, 0x84, 0x8a), highlight(0x3d, 0x7e, 0xc8), button(0x35, 0x37, 0x3c);
  QPalette palette;
  palette.setColor(QPalette::Window, window);
  palette.setColor(QPalette::WindowText, text);
  palette.setColor(QPalette::Base, base);
  palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
  palette.setColor(QPalette::ToolTipBase, base);
  palette.setColor(QPalette::ToolTipText, text);
  palette.setColor(QPalette::PlaceholderText, disabled);
  palette.setColor(QPalette::Text, text);
  palette.setColor(QPalette::Button, button);
  palette.setColor(QPalette::ButtonText, text);
  palette.setColor(QPalette::BrightText, QColor(0xff, 0x80, 0x80));
  palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
  palette.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
  palette.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
  palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
  palette.setColor(QPalette::Shadow, Qt::black);
  palette.setColor(QPalette::Highlight, highlight);
  palette.setColor(QPalette::HighlightedText, Qt::white);
  palette.setColor(QPalette::Link, QColor(0x8a, 0xb8, 0xf0));
  palette.setColor(QPalette::LinkVisited, QColor(0xb9, 0x9c, 0xe8));
  for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    palette.setColor(QPalette::Disabled, role, disabled);
  }
  return palette;
}

// a moved toward b by share (0: a, 1: b), channel by channel.
QColor mixedColor(const QColor& a, const QColor& b, double share) {
  const auto mix = [share](int x, int y) { return static_cast<int>(x + (y - x) * share + 0.5); };
  return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

// Fusion outlines radio buttons and check boxes in the window colour darkened, which on a dark
// window is all but invisible (about 1.2:1 against it). Here their outline lies halfway between
// window and text: well over the 3:1 that WCAG asks of a control's edge.
class VisibleIndicatorsStyle final : public QProxyStyle {
 public:
  explicit VisibleIndicatorsStyle(QStyle* base) : QProxyStyle(base) {}

  void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override {
    const auto* button = qstyleoption_cast<const QStyleOptionButton*>(option);
    if (!button || (element != PE_IndicatorRadioButton && element != PE_IndicatorCheckBox)) {
      QProxyStyle::drawPrimitive(element, option, painter, widget);
      return;
    }
    QStyleOptionButton outlined(*button);
    const QColor outline = mixedColor(option->palette.color(QPalette::Window), option->palette.color(QPalette::Text), 0.5);
    outlined.palette.setColor(QPalette::Window, outline.lighter(140));  // Fusion draws window.darker(140)
    QProxyStyle::drawPrimitive(element, &outlined, painter, widget);
  }
};

// Keeps a widget's problem colour right when the application's palette changes.
class ProblemColour final : public QObject {
 public:
  explicit ProblemColour(QWidget* widget) : QObject(widget) { apply(widget); }
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::ApplicationPaletteChange) apply(static_cast<QWidget*>(watched));
    return false;
  }

 private:
  static void apply(QWidget* widget) {
    QPalette palette = widget->palette();
    const QColor colour = meaningColors(QApplication::palette()).problemText;
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
  }
};

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ColorScheme schemeOf(const QPalette& palette) {
  return relativeLuminance(palette.color(QPalette::Window)) < relativeLuminance(palette.color(QPalette::WindowText))
             ? ColorScheme::Dark
             : ColorScheme::Light;
}

ColorScheme systemColorScheme() {
  const QByteArray forced = qgetenv("TIERTUNE_COLOR_SCHEME").trimmed().toLower();
  if (forced == "dark") return ColorScheme::Dark;
  if (forced == "light") return ColorScheme::Light;
  if (const auto portal = portalColorScheme()) return *portal;
  if (qgetenv("GTK_THEME").toLower().endsWith(":dark")) return ColorScheme::Dark;
  return schemeOf(QApplication::palette());
}

void applyColorScheme(ColorScheme scheme) {
  const bool follows = schemeOf(QApplication::palette()) == scheme;
  // A platform style of its own (not Fusion) that already follows the scheme is left as it is.
  if (follows && QApplication::style()->name() != QLatin1String("fusion")) return;
  auto* style = new VisibleIndicatorsStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  const QPalette palette = follows                       ? QApplication::palette()
                           : scheme == ColorScheme::Dark ? darkPalette()
                                                         : style->standardPalette();
  QApplication::setStyle(style);
  QApplication::setPalette(palette);
}

void showAsProblem(QWidget* widget, bool problem) {
  // Not findChild<ProblemColour*>: without Q_OBJECT its qobject_cast accepts any QObject, and a rich
  // text label's first child is its text control, which was then deleted under it.
  ProblemColour* existing = nullptr;
  for (QObject* child : widget->children()) {
    if (auto* colour = dynamic_cast<ProblemColour*>(child)) existing = colour;
  }
  if (problem && !existing) {
    widget->installEventFilter(new ProblemColour(widget));
  } else if (!problem && existing) {
    delete existing;                 // also removes it as an event filter
    widget->setPalette(QPalette());  // back to the application's palette
  }
}

namespace {

// colour, lighter on a dark palette and darker on a light one, until it reads on every background.
QColor readableOn(QColor colour, ColorScheme scheme, std::initializer_list<QColor> backgrounds) {
  const auto reads = [&] {
    return std::all_of(backgrounds.begin(), backgrounds.end(),
                       [&](const QColor& background) { return contrastRatio(colour, background) >= 4.5; });
  };
  for (int i = 0; i < 20 && !reads(); ++i) colour = scheme == ColorScheme::Dark ? colour.lighter(110) : colour.darker(115);
  return colour;
}

}  // namespace

MeaningColors meaningColors(const QPalette& palette) {
  const ColorScheme scheme = schemeOf(palette);
  const bool dark = scheme == ColorScheme::Dark;
  const QColor window = palette.color(QPalette::Window);
  const QColor base = palette.color(QPalette::Base);
  const QColor alternateBase = palette.color(QPalette::AlternateBase);
  const QColor text = palette.color(QPalette::Text);
  MeaningColors colours;

  // The same red, lighter on a dark window, darker on a light one.
  colours.problemText = readableOn(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x20), scheme,
                                   {window, base, alternateBase});
  // Okabe–Ito's vermillion: an orange that is not the problem red.
  colours.overPlan = readableOn(dark ? QColor(0xff, 0xa0, 0x57) : QColor(0xd5, 0x5e, 0x00), scheme, {window, base});

  // Between the text and the base colour: readable, but clearly not the main text.
  colours.secondaryText = text;
  for (double share = 0.45; share > 0.0; share -= 0.05) {
    const QColor dim = mixedColor(text, base, share);
    if (contrastRatio(dim, base) >= 4.5 && contrastRatio(dim, alternateBase) >= 4.5) {
      colours.secondaryText = dim;
      break;
    }
  }

  // As much green as the text allows: the tint is what shows, the text must still read (a fixed
  // light green once put light text on light green in the dark scheme).
  colours.learnedText = text;
  colours.learnedBackground = base;
  const QColor green = dark ? QColor(0x2e, 0x7d, 0x32) : QColor(0x81, 0xc7, 0x84);
  for (double share = 0.55; share > 0.0; share -= 0.05) {
    const QColor tint = mixedColor(base, green, share);
    if (contrastRatio(text, tint) >= 4.5) {
      colours.learnedBackground = tint;
      break;
    }
  }

  colours.pairs_ = {
      {QStringLiteral("problem text on window"), colours.problemText, window},
      {QStringLiteral("problem text on base"), colours.problemText, base},
      {QStringLiteral("problem text on alternate base"), colours.problemText, alternateBase},
      {QStringLiteral("secondary text on base"), colours.secondaryText, base},
      {QStringLiteral("secondary text on alternate base"), colours.secondaryText, alternateBase},
      {QStringLiteral("learned text on its tint"), colours.learnedText, colours.learnedBackground},
      {QStringLiteral("over-plan mark on window"), colours.overPlan, window},
      {QStringLiteral("over-plan mark on base"), colours.overPlan, base},
  };
  return colours;
}

QString htmlColor(const QColor& colour) { return colour.name(QColor::HexRgb); }

QIcon themedIcon(const QString& resourcePath) {
  QFile file(resourcePath);
  if (!file.open(QIODevice::ReadOnly)) return QIcon(resourcePath);
  QByteArray svg = file.readAll();
  if (schemeOf(QApplication::palette()) == ColorScheme::Dark) {
    svg.replace(kIconInk, QByteArrayLiteral("#a9c4e4"));  // the same blue, light enough for a dark window
  }
  QSvgRenderer renderer(svg);
  if (!renderer.isValid()) return QIcon(resourcePath);
  QIcon icon;
  for (int size : {16, 22, 24, 32, 48, 64, 96, 128, 256}) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    icon.addPixmap(pixmap);
  }
  return icon;
}

}  // namespace tiertune::gui
