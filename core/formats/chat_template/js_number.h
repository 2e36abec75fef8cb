// Numbers written and read the way the reference renderer (JavaScript) does it, so that rendered
// numbers, tojson output and the int/float filters agree with it byte for byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tiertune::formats::jinja {

// Number.prototype.toString(): shortest round-trip digits, "1e+21" from 1e21 on, "1e-7" below 1e-6,
// "NaN", "Infinity".
std::string jsNumberString(double value);
// Number.prototype.toFixed(1) for an integral value (the reference renders floats such as 2.0 so).
std::string jsFixedOneDecimal(double integralValue);
// parseInt(text, 10) and parseFloat(text): the longest numeric prefix after leading whitespace;
// nullopt where JavaScript gives NaN.
std::optional<double> jsParseInt(std::string_view text);
std::optional<double> jsParseFloat(std::string_view text);
// Number(text), as loose equality (==) converts a string: whitespace-trimmed, "" is 0, decimal,
// 0x/0o/0b integers and Infinity; anything else NaN.
double jsStringToNumber(std::string_view text);

}  // namespace tiertune::formats::jinja
