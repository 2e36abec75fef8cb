// render_icon SVG PNG SIZE: draws the application icon at SIZE x SIZE pixels for the hicolor
// theme folders of the package. A build-time tool (installer/CMakeLists.txt), with the same
// Qt SVG renderer that draws the icon inside the application, so that the PNG sizes of a desktop
// without SVG support look like the SVG and the build needs no other program.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: render_icon SVG PNG SIZE\n");
    return 2;
  }
  // Offscreen: the build machine may have no display; the renderer needs none.
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication application(argc, argv);
  bool isNumber = false;
  const int size = QString::fromLocal8Bit(argv[3]).toInt(&isNumber);
  if (!isNumber || size < 1 || size > 4096) {
    std::fprintf(stderr, "render_icon: the size \"%s\" is not a number of pixels from 1 to 4096\n", argv[3]);
    return 2;
  }
  QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
  if (!renderer.isValid()) {
    std::fprintf(stderr, "render_icon: %s is not an SVG image Qt can draw\n", argv[1]);
    return 1;
  }
  QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  renderer.render(&painter);
  painter.end();
  if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
    std::fprintf(stderr, "render_icon: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
