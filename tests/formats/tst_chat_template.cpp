// The chat-template interpreter construct by construct: text and whitespace control, expressions,
// filters, tests, methods, loops, assignments, macros, the context helper and the model-folder
// loader; every syntax and render error with its line and column; the limits that stop hostile
// templates. Expected texts were checked against the reference renderer (@huggingface/jinja
// 0.5.11), whose sometimes surprising behavior is the specification (see the "quirk" rows).
#include <QTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/formats/chat_template/chat_template.h"
#include "core/formats/chat_template/errors.h"
#include "core/formats/chat_template/model_chat_template.h"
#include "core/util/error.h"
#include "support/scratch.h"

using namespace tiertune;
using namespace tiertune::formats;
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string render(const std::string& source, const char* context = "{}", const RenderLimits& limits = {}) {
  return ChatTemplate::parse(source).render(ordered_json::parse(context), limits);
}

// The message of the error that parsing or rendering gives, or "" when neither fails.
std::string errorOf(const std::string& source, const char* context = "{}", const RenderLimits& limits = {}) {
  try {
    render(source, context, limits);
  } catch (const std::exception& error) {
    return error.what();
  }
  return {};
}

struct Case {
  const char* name;
  const char* source;
  const char* context;
  const char* expected;
};

void addRows(const std::initializer_list<Case>& cases) {
  for (const Case& c : cases) QTest::newRow(c.name) << QByteArray(c.source) << QByteArray(c.context) << QByteArray(c.expected);
}

void checkRow() {
  QFETCH(QByteArray, source);
  QFETCH(QByteArray, context);
  QFETCH(QByteArray, expected);
  std::string rendered;
  try {
    rendered = render(source.toStdString(), context.constData());
  } catch (const std::exception& error) {
    QFAIL(qPrintable(QStringLiteral("failed: ") + QString::fromUtf8(error.what())));
  }
  QCOMPARE(QByteArray::fromStdString(rendered), expected);
}

void declareColumns() {
  QTest::addColumn<QByteArray>("source");
  QTest::addColumn<QByteArray>("context");
  QTest::addColumn<QByteArray>("expected");
}

}  // namespace

class ChatTemplateTest : public QObject {
  Q_OBJECT

 private slots:
  void textAndWhitespace_data() {
    declareColumns();
    addRows({
        {"plain", "Hello, world", "{}", "Hello, world"},
        {"one trailing newline dropped", "a\n\n", "{}", "a\n"},
        {"strip before and after", "x  {{- 'a' -}}  \n y", "{}", "xay"},
        {"trim_blocks and lstrip_blocks", "  {% if true %}\nA\n  {% endif %}\nB", "{}", "A\nB"},
        {"expressions keep their newline", "{{ 'a' }}\nb", "{}", "a\nb"},
        {"comment", "a{# note #}b", "{}", "ab"},
        {"comment strips", "a  {#- note -#}  b", "{}", "ab"},
        {"generation tags vanish", "<{% generation %}x{% endgeneration %}>", "{}", "<x>"},
        {"generation tags strip", "a  {%- generation -%}  b", "{}", "ab"},
        {"unicode whitespace is stripped too", "x\u00a0 {{- 'y' }}", "{}", "xy"},
        {"none and undefined print nothing", "[{{ none }}{{ nothing }}]", "{}", "[]"},
    });
  }
  void textAndWhitespace() { checkRow(); }

  void expressions_data() {
    declareColumns();
    addRows({
        {"precedence", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 ** 3 ** 2 }}", "{}", "7 9 64"},
        {"division", "{{ 7 / 2 }} {{ 6 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }}", "{}", "3.5 3.0 3 -4 1 -1"},
        {"floats", "{{ 1.0 }} {{ 0.1 + 0.2 }} {{ 2 ** -1 }} {{ 1.5 * 2 }} {{ -0.0 }}", "{}", "1.0 0.30000000000000004 0.5 3.0 -0.0"},
        {"division by zero", "{{ 1 / 0 }} {{ -1 / 0 }}", "{}", "Infinity -Infinity"},
        {"unary", "{{ -x }} {{ +x }} {{ - -x }} {{ not x }} {{ not not x }}", R"({"x": 3})", "-3 3 3 false true"},
        {"concatenation", "{{ 'a' ~ 1 ~ 2.0 ~ true ~ [1, 'b'] }} {{ 'a' + 'b' }} {{ 'n' + 1 }}", "{}", "a12true1,b ab n1"},
        {"comparison", "{{ 1 < 2 }} {{ 2 <= 1.5 }} {{ 1 == 1.0 }} {{ '1' == 1 }} {{ 1 != 2 }} {{ none == undefined_name }}", "{}",
         "true false true true true true"},
        {"lists compare by identity", "{{ [1] == [1] }} {% set a = [1] %}{{ a == a }}", "{}", "false true"},
        {"and or return operands", "{{ 'a' and 'b' }} {{ '' or 'c' }} {{ [] or 'empty' }} {{ 0 and 1 }}", "{}", "b c empty 0"},
        {"membership", "{{ 1 in [1, 2] }} {{ 3 not in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 1 in [1.0] }}",
         "{}", "true true true true true"},
        {"membership in undefined", "{{ 'x' in nothing }} {{ 'x' not in nothing }}", "{}", "false true"},
        {"ternary and select", "{{ 'y' if x else 'n' }} {{ 'y' if not x else 'n' }} [{{ 'y' if not x }}]", R"({"x": 1})", "y n []"},
        {"list and dict literals", "{{ [1, 'a', none, true, 1.5] }} {{ {'a': 1, 'b': [2]} }} {{ (1, 2) | join(',') }}", "{}",
         R"([1, "a", null, true, 1.5] {"a": 1, "b": [2]} 1,2)"},
        {"quirk: tuples are lists but not iterable", "{{ (1, 2) is iterable }} {{ (1, 2) is sequence }} {{ 2 in (1, 2) }} {{ (1, 2) + (3, 4) }}", "{}",
         "false true true [1, 2, 3, 4]"},
        {"adjacent strings join", "{{ 'a' 'b' \"c\" }}", "{}", "abc"},
        {"escapes", R"({{ 'tab\there\n\u00e9\x41\'' }})", "{}", "tab\there\n\u00e9A'"},
        {"list concatenation", "{{ [1] + [2, 3] }}", "{}", "[1, 2, 3]"},
    });
  }
  void expressions() { checkRow(); }

  void membersAndSlices_data() {
    declareColumns();
    addRows({
        {"dict by dot and subscript", "{{ m.role }} {{ m['role'] }} [{{ m.missing }}]", R"({"m": {"role": "user"}})", "user user []"},
        {"list indexes", "{{ xs[0] }} {{ xs[-1] }} [{{ xs[9] }}] {{ xs.1 }} {{ xs.length }}", R"({"xs": [1, 2, 3]})", "1 3 [] 2 3"},
        {"string indexes", "{{ s[0] }}{{ s[-1] }} {{ s.length }}", R"({"s": "héllo"})", "ho 5"},
        {"slices", "{{ xs[1:] }} {{ xs[:2] }} {{ xs[::-1] }} {{ xs[::2] }} {{ xs[-2:] }} {{ xs[5:] }} {{ xs[1:3:0] }}",
         R"({"xs": [1, 2, 3, 4]})", "[2, 3, 4] [1, 2] [4, 3, 2, 1] [1, 3] [3, 4] [] []"},
        {"string slices by characters", "{{ s[1:3] }} {{ s[::-1] }}", R"({"s": "a😀bc"})", "😀b cb😀a"},
        {"members of scalars are undefined", "[{{ n.x }}{{ none.x }}{{ nothing.x }}]", R"({"n": 1})", "[]"},
        {"dict entries win over methods", "{{ d.items }} {{ d.keys() | join(',') }}", R"({"d": {"items": 5, "b": 1}})", "5 items,b"},
        {"integer-like keys come first", "{{ d.keys() | join(',') }}", R"({"d": {"b": 1, "2": 2, "1": 3}})", "1,2,b"},
    });
  }
  void membersAndSlices() { checkRow(); }

  void filters_data() {
    declareColumns();
    addRows({
        {"string case", "{{ s | upper }} {{ s | lower }} {{ s | title }} {{ s | capitalize }} {{ 'ß' | upper }}",
         R"({"s": "hELLo wOrld"})", "HELLO WORLD hello world HELLo WOrld HELLo wOrld SS"},
        {"trim and length", "[{{ s | trim }}] {{ s | length }} {{ '😀' | length }}", R"({"s": "  a b \n"})", "[a b] 7 2"},
        {"tojson", "{{ d | tojson }}", "{\"d\": {\"a\": [1, 2.5, \"\u00e9\\\"q\"], \"b\": null, \"c\": true}}",
         "{\"a\": [1, 2.5, \"\u00e9\\\"q\"], \"b\": null, \"c\": true}"},
        {"tojson options", "{{ d | tojson(indent=2) }}|{{ d | tojson(separators=(',', ':')) }}|{{ 'é' | tojson(ensure_ascii=true) }}|{{ {'b': 1, 'a': 2} | tojson(sort_keys=true) }}",
         R"({"d": {"a": [1, {}], "b": []}})",
         "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}|{\"a\":[1,{}],\"b\":[]}|\"\\u00e9\"|{\"a\": 2, \"b\": 1}"},
        {"integral floats in json", "{{ [2.0, 2.5] | tojson }} {{ [2.0] }} {{ 2.0 }}", "{}", "[2, 2.5] [2] 2.0"},
        {"join", "{{ xs | join }} {{ xs | join(', ') }} {{ 'abc' | join('-') }} {{ [1, none, 2.0] | join('|') }}",
         R"({"xs": ["a", "b"]})", "ab a, b a-b-c 1||2"},
        {"first last length reverse", "{{ xs | first }} {{ xs | last }} {{ xs | length }} {{ xs | reverse }} {{ xs | list }}",
         R"({"xs": [1, 2, 3]})", "1 3 3 [3, 2, 1] [1, 2, 3]"},
        {"sort", "{{ [3, 1, 2] | sort }} {{ ['b', 'A', 'c'] | sort }} {{ ['b', 'A', 'c'] | sort(case_sensitive=true) }} {{ [3, 1] | sort(reverse=true) }}",
         "{}", R"([1, 2, 3] ["A", "b", "c"] ["A", "b", "c"] [3, 1])"},
        {"sort by attribute", "{{ xs | sort(attribute='n') | map(attribute='k') | join }}",
         R"({"xs": [{"n": 2, "k": "b"}, {"n": 1, "k": "a"}, {"n": 3, "k": "c"}]})", "abc"},
        {"unique", "{{ [1, 1, 2, 1.0, '1', 'a', 'a'] | unique | tojson }}", "{}", R"([1, 2, "1", "a"])"},
        {"default", "{{ x | default('d') }} {{ none | default('d') }} {{ '' | default('d') }} {{ '' | default('d', true) }} {{ x | default('d', boolean=true) }}",
         "{}", "d   d d"},
        {"int and float", "{{ '42' | int }} {{ '4.5x' | float }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ 3.7 | int }} {{ 3 | float }} {{ true | int }} {{ '  12ab' | int }}",
         "{}", "42 4.5 0 7 3 3.0 1 12"},
        {"abs and string", "{{ -3 | abs }} {{ -2.5 | abs }} {{ 2.0 | string }} {{ [1] | string }} {{ false | string }}", "{}",
         "3 2.5 2.0 [1] false"},
        {"items and dictsort", "{{ d | items }} {{ d | dictsort }} {{ d | dictsort(by='value') }} {{ d | dictsort(reverse=true) | first }} {{ d | length }}",
         R"({"d": {"b": 1, "a": 2}})", R"([["b", 1], ["a", 2]] [["a", 2], ["b", 1]] [["b", 1], ["a", 2]] ["b", 1] 2)"},
        {"selectattr and rejectattr", "{{ ms | selectattr('role', 'equalto', 'user') | map(attribute='c') | join }} {{ ms | rejectattr('role', 'equalto', 'user') | map(attribute='c') | join }} {{ ms | selectattr('c') | length }} {{ ms | selectattr('x', 'defined') | length }}",
         R"({"ms": [{"role": "user", "c": "a"}, {"role": "bot", "c": ""}, {"role": "user", "c": "c"}]})", "ac  2 0"},
        {"map with default and paths", "{{ xs | map(attribute='a.b', default='-') | join(',') }} {{ xs | map(attribute='l.0') | join(',') }}",
         R"({"xs": [{"a": {"b": 1}, "l": [7]}, {"a": {}, "l": []}]})", "1,- 7,"},
        {"indent", "{{ s | indent }}|{{ s | indent(2, true) }}|{{ s | indent(width=1, first=true, blank=true) }}",
         R"({"s": "a\n\nb"})", "a\n\n    b|  a\n\n  b| a\n \n b"},
        {"replace", "{{ 'aaa' | replace('a', 'b') }} {{ 'aaa' | replace('a', 'b', 2) }} {{ 'ab' | replace('', '-') }}", "{}",
         "bbb bba -a-b-"},
        {"safe", "{{ '<b>' | safe }}", "{}", "<b>"},
        {"filter block", "{% filter upper %}abc {{ 'd' }}{% endfilter %}", "{}", "ABC D"},
        {"filters chain", "{{ '  A,b ' | trim | lower | replace(',', ';') }}", "{}", "a;b"},
    });
  }
  void filters() { checkRow(); }

  void testsAndMethods_data() {
    declareColumns();
    addRows({
        {"type tests", "{{ 1 is number }}{{ 1.5 is integer }}{{ 's' is string }}{{ none is none }}{{ x is defined }}{{ y is undefined }}{{ d is mapping }}{{ l is iterable }}{{ 's' is sequence }}{{ range is callable }}{{ false is boolean }}",
         R"({"x": 0, "d": {}, "l": []})", "truefalsetruetruetruetruetruetruetruetruetrue"},
        {"value tests", "{{ 3 is odd }}{{ 4 is even }}{{ true is true }}{{ 1 is true }}{{ false is false }}{{ 'ab' is lower }}{{ 'AB' is upper }}{{ x is not none }}",
         R"({"x": 1})", "truetruetruefalsetruetruetruetrue"},
        {"string methods", "{{ s.strip() }}|{{ s.lstrip() }}|{{ s.rstrip() }}|{{ s.upper() }}|{{ s.lower() }}|{{ 'ab cd'.title() }}|{{ 'ab'.capitalize() }}",
         R"({"s": " Hi \n"})", "Hi|Hi \n| Hi| HI \n| hi \n|Ab Cd|Ab"},
        {"quirk: strip ignores its argument", "[{{ 'xxhixx'.strip('x') }}] [{{ '\\nhi\\n'.strip('\\n') }}]", "{}", "[xxhixx] [hi]"},
        {"startswith and endswith", "{{ s.startswith('ab') }} {{ s.endswith(('x', 'cd')) }} {{ s.startswith('cd') }}", R"({"s": "abcd"})",
         "true true false"},
        {"split", "{{ 'a,b,,c'.split(',') }} {{ ' a  b '.split() }} {{ 'a b c'.split(' ', 1) }} {{ 'a b c'.split(none, 1) }}", "{}",
         R"(["a", "b", "", "c"] ["a", "b"] ["a", "b c"] ["a", "b c"])"},
        {"replace method", "{{ 'a-b-c'.replace('-', '+') }} {{ 'a-b-c'.replace('-', '+', 1) }} {{ 'a-b'.replace('-', '+', count=1) }}",
         "{}", "a+b+c a+b-c a+b"},
        {"dict methods", "{{ d.get('a') }} {{ d.get('z', 'dflt') }} [{{ d.get('z') }}] {{ d.items() | list }} {{ d.keys() }} {{ d.values() }}",
         R"({"d": {"a": 1}})", R"(1 dflt [] [["a", 1]] ["a"] [1])"},
    });
  }
  void testsAndMethods() { checkRow(); }

  void loops_data() {
    declareColumns();
    addRows({
        {"loop variables", "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}",
         R"({"xs": ["a", "b"]})", "1021truefalse2;2110falsetrue2;"},
        {"previtem and nextitem", "{% for x in xs %}{{ loop.previtem }}<{{ x }}>{{ loop.nextitem }} {% endfor %}", R"({"xs": [1, 2, 3]})",
         "<1>2 1<2>3 2<3> "},
        {"loop over a dict gives keys", "{% for k in d %}{{ k }}{% endfor %}", R"({"d": {"a": 1, "b": 2}})", "ab"},
        {"loop over items with unpacking", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", R"({"d": {"a": 1, "b": 2}})",
         "a=1;b=2;"},
        {"else runs for an empty loop", "{% for x in [] %}x{% else %}empty{% endfor %}", "{}", "empty"},
        {"loop condition", "{% for x in xs if x > 1 %}{{ x }}{{ loop.index }}{% endfor %}", R"({"xs": [1, 2, 3]})", "2132"},
        {"nested loops", "{% for a in [1, 2] %}{% for b in [3, 4] %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{% endfor %}", "{}",
         "131 142 231 242 "},
        {"continue", "{% for x in [1, 2, 3] %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% endfor %}", "{}", "13"},
        {"quirk: break drops its iteration's output", "{% for x in [1, 2, 3] %}{{ x }}{% if x == 2 %}{% break %}{% endif %}{% endfor %}",
         "{}", "1"},
        {"quirk: else runs when every iteration continues", "{% for x in [1] %}{% continue %}{% else %}else{% endfor %}", "{}", "else"},
        {"set in a loop stays in the loop", "{% set x = 0 %}{% for i in [1, 2] %}{% set x = x + i %}{{ x }}{% endfor %}{{ x }}", "{}",
         "130"},
        {"namespace carries out of a loop", "{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}",
         "{}", "6"},
        {"range", "{{ range(3) | join }} {{ range(1, 7, 2) | join(',') }} {{ range(3, 0, -1) | join }} {{ range(0) }}", "{}",
         "012 1,3,5 321 []"},
        {"reversed messages", "{% for m in ms[::-1] %}{{ m }}{% endfor %}", R"({"ms": ["a", "b"]})", "ba"},
    });
  }
  void loops() { checkRow(); }

  void assignmentsAndMacros_data() {
    declareColumns();
    addRows({
        {"set", "{% set x = 1 %}{% set a, b = [2, 3] %}{% set t = 4, 5 %}{% set c, d = t %}{{ x }}{{ a }}{{ b }}{{ t | join }}{{ c }}{{ d }}", "{}", "1234545"},
        {"block set", "{% set x %}a{{ 1 + 1 }}b{% endset %}[{{ x }}]", "{}", "[a2b]"},
        {"set shadows the context", "{% set messages = messages[1:] %}{{ messages | length }}", R"({"messages": [1, 2, 3]})", "2"},
        {"namespace from a dict and keywords", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }} {{ ns }}", "{}",
         R"(12 {"a": 1, "b": 2})"},
        {"macro with defaults", "{% macro m(a, b='B', c=a ~ '!') %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m('x') }} {{ m('x', 'y') }} {{ m(a='p', c='q') }}",
         "{}", "xBx! xyx! pBq"},
        {"macro varargs and kwargs", "{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, k='v') }}", "{}",
         R"(1[2, 3]{"k": "v"})"},
        {"macro sees the caller's variables", "{% macro m() %}{{ x }}{% endmacro %}{% set x = 'outer' %}{{ m() }}", "{}", "outer"},
        {"recursive macro", "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}", "{}", "321"},
        {"call block", "{% macro box(t) %}[{{ t }}:{{ caller() }}]{% endmacro %}{% call box('a') %}inner{% endcall %}", "{}", "[a:inner]"},
        {"call block with arguments", "{% macro each(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}{% call(v) each([1, 2]) %}<{{ v }}>{% endcall %}",
         "{}", "<1><2>"},
        {"argument unpacking", "{% macro m(a, b, c) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(*[1, 2], **{'c': 3}) }}", "{}", "123"},
        {"raise_exception in an untaken branch", "{% if false %}{{ raise_exception('no') }}{% endif %}ok", "{}", "ok"},
    });
  }
  void assignmentsAndMacros() { checkRow(); }

  void errorsNameTheirPosition_data() {
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char* name, const char* source, const char* expected) {
      QTest::newRow(name) << QByteArray(source) << QByteArray(expected);
    };
    // Syntax errors.
    row("unclosed expression", "{{ x", "chat template 1:5: unexpected end of template inside a tag");
    row("unclosed string", "{{ 'abc }}", "chat template 1:4: string literal is not closed");
    row("unclosed comment", "ab\n{# note", "chat template 2:1: comment is not closed");
    row("bad character", "{{ a ! b }}", "chat template 1:6: unexpected character '!'");
    row("bad escape", "{{ 'a\\qb' }}", "chat template 1:6: unknown escape sequence \\q");
    // Half a UTF-16 surrogate pair is no character: an error at its escape, not a silent U+FFFD.
    row("lone high surrogate", "{{ 'a\\ud800b' }}", "chat template 1:6: \\uD800 is half of a UTF-16 surrogate pair");
    row("lone low surrogate", "\n{{ '\\udc00' }}", "chat template 2:5: \\uDC00 is half of a UTF-16 surrogate pair");
    row("high surrogate at the end", "{{ 'a\\uD83D' }}", "chat template 1:6: \\uD83D is half");
    row("unclosed if", "line\n{% if x %}a", "chat template 2:1: {% if %} is not closed: {% endif %} is missing");
    row("unclosed for", "{% for x in y %}", "chat template 1:1: {% for %} is not closed: {% endfor %} is missing");
    row("stray endfor", "a{% endfor %}", "chat template 1:5: {% endfor %} without a matching opening statement");
    row("unknown statement", "{% raw %}x{% endraw %}", "chat template 1:4: unknown statement 'raw'");
    row("missing in", "{% for x of y %}{% endfor %}", "chat template 1:10: expected 'in' after the loop variable, found 'of'");
    row("missing operand", "{{ 1 + }}", "chat template 1:8: expected an expression, found '}}'");
    row("keyword before positional", "{{ f(a=1, 2) }}", "chat template 1:11: positional arguments must come before keyword arguments");
    row("duplicate parameter", "{% macro m(a, a) %}{% endmacro %}", "chat template 1:15: duplicate parameter name 'a'");
    row("filter name", "{{ x | 'upper' }}", "chat template 1:8: expected the name of a filter, found a string");
    row("too deep", ("{{ " + std::string(200, '(')).c_str(), "chat template 1:");
    row("too deep message", ("{{ " + std::string(200, '(')).c_str(), "nests too deeply (more than 128 levels)");
    row("columns count characters", "é😀 {{ x ! }}", "chat template 1:9: unexpected character '!'");
    // Render errors.
    row("unknown filter", "{{ 'a' | frobnicate }}", "chat template 1:10: unknown filter 'frobnicate'");
    row("filter for another type", "\n  {{ 1 | upper }}", "chat template 2:10: filter 'upper' does not apply to integer");
    row("unknown test", "{{ 1 is prime }}", "chat template 1:6: unknown test 'prime'");
    row("unknown function", "{{ frob(1) }}", "chat template 1:8: unknown function 'frob'");
    row("unknown method", "{{ 'a'.frob() }}", "chat template 1:12: unknown method 'frob'");
    row("undefined operand", "{{ x + 1 }}", "chat template 1:6: cannot use '+' with an undefined value (on the left side)");
    row("none operand", "{{ none ~ 'a' }}", "chat template 1:9: cannot use '~' with none");
    row("mixed operands", "{{ 'a' - 1 }}", "chat template 1:8: operator '-' does not apply to string and integer");
    row("loop over a string", "{% for c in 'abc' %}{% endfor %}", "chat template 1:4: cannot loop over string");
    row("unpack", "{% for a, b in [1] %}{% endfor %}", "chat template 1:4: cannot unpack integer into 2 loop variables");
    row("set attribute of a dict", "{% set d = {} %}{% set d.x = 1 %}", "chat template 1:20: cannot set an attribute of dict");
    row("macro arguments", "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "chat template 1:35: macro 'm' takes at most 1 argument(s), 2 given");
    row("macro keyword", "{% macro m(a) %}{% endmacro %}{{ m(b=2) }}", "macro 'm' takes no keyword argument 'b'");
    row("break outside a loop", "a\n{% break %}", "chat template 2:4: {% break %} outside of a loop");
    row("compare different types", "{{ [1, 'a'] | sort }}", "chat template 1:15: cannot compare different types");
    row("json of a function", "{{ range | tojson }}", "chat template 1:12: cannot convert range to JSON");
    row("print a function", "{{ range }}", "chat template 1:4: cannot print range");
    row("quirk: print a tuple", "{{ (1, 2) }}", "chat template 1:5: a tuple cannot be printed");
    row("quirk: unpack tuples in a loop", "{% for a, b in [(1, 2)] %}{% endfor %}", "cannot unpack a tuple into 2 loop variables");
    row("dict key type", "{{ {1: 2} }}", "dict keys must be strings");
    row("odd of a string", "{{ 'a' is odd }}", "test 'odd' needs an integer, not string");
    row("error inside a macro points into it", "{% macro m() %}\n{{ 1 + none }}{% endmacro %}{{ m() }}", "chat template 2:6:");
  }
  void errorsNameTheirPosition() {
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, expected);
    const std::string message = errorOf(source.toStdString());
    QVERIFY2(!message.empty(), "no error");
    QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
  }

  void raiseExceptionGivesTheTemplatesMessage() {
    try {
      render("{{ raise_exception('Conversation roles must alternate user/assistant') }}");
      QFAIL("no exception");
    } catch (const jinja::TemplateRaisedError& error) {
      QCOMPARE(QByteArray(error.what()), QByteArray("Conversation roles must alternate user/assistant"));
    }
  }

  void contextKeysCannotReplaceBuiltins() {
    QVERIFY(errorOf("{{ 1 }}", R"({"range": 1})").find("'range' is reserved") != std::string::npos);
    QVERIFY(errorOf("{{ 1 }}", R"({"true": 1})").find("'true' is reserved") != std::string::npos);
  }

  // Reading a long string (its length, comparing it, its last character, strip, lower, split, its
  // truth) takes time in proportion to its size, so it is charged by size. Before, each counted as
  // one step: 1000 passes over a 1 MiB string were a few thousand steps, and a loop over a 16 MiB
  // string ran for hours within the default limit.
  void workOnLongStringsIsChargedBySize() {
    RenderLimits limits;
    limits.maxSteps = 1'000'000;
    const std::string context = "{\"s\": \"" + std::string(1 << 20, 'a') + "\"}";
    for (const char* body : {"{{ s|length }}", "{{ s == 'b' }}", "{{ s[-1] }}", "{{ s.strip()|length }}",
                             "{{ s.split('b')|length }}", "{% if s %}{% endif %}", "{{ 'b' in s }}"}) {
      const std::string source = std::string("{% for i in range(1000) %}") + body + "{% endfor %}";
      const std::string error = errorOf(source, context.c_str(), limits);
      QVERIFY2(error.find("rendering takes too long") != std::string::npos, (std::string(body) + ": " + error).c_str());
    }
    // The same loops over a short string stay far within the limit.
    QCOMPARE(render("{% for i in range(1000) %}{{ s|length }}{% endfor %}", R"({"s": "ab"})", limits).size(), std::size_t(1000));

    // With the default limits, a hostile loop over a 16 MiB string stops after a few dozen passes.
    const std::string huge = "{\"s\": \"" + std::string((16u << 20) - 1, 'a') + "\"}";
    const std::string error = errorOf(
        "{% for i in range(1000000) %}{% if s|length == 0 or s[-1] == 'b' or s.strip() == '' %}{% endif %}{% endfor %}",
        huge.c_str());
    QVERIFY2(error.find("rendering takes too long") != std::string::npos, error.c_str());
  }

  void limitsStopHostileTemplates() {
    RenderLimits small;
    small.maxSteps = 100'000;
    small.maxOutputBytes = 1 << 16;
    small.maxListItems = 10'000;
    small.maxDepth = 64;
    // An endless loop through growing lists stops at the list or step limit.
    QVERIFY(errorOf("{% set ns = namespace(l=[1]) %}{% for i in range(100) %}{% set ns.l = ns.l + ns.l %}{% endfor %}", "{}", small)
                .find("more than 10000 items") != std::string::npos);
    QVERIFY(errorOf("{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}", "{}", small)
                .find("rendering takes too long") != std::string::npos);
    // Output and string growth.
    QVERIFY(errorOf("{% for i in range(5000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}", "{}", small)
                .find("larger than the limit") != std::string::npos);
    QVERIFY(errorOf("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "{}", small)
                .find("larger than the limit") != std::string::npos);
    QVERIFY(errorOf("{{ 'x' | indent(100000000) }}", "{}", small).find("larger than the limit") != std::string::npos);
    QVERIFY(errorOf("{{ range(1000000000) }}", "{}", small).find("more than 10000 items") != std::string::npos);
    // Recursion.
    QVERIFY(errorOf("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "{}", small).find("recurses too deeply") != std::string::npos);
    // Values that contain themselves, and exponential sharing.
    QVERIFY(errorOf("{% set ns = namespace() %}{% set ns.self = ns %}{{ ns }}", "{}", small).find("nests deeper") != std::string::npos);
    QVERIFY(errorOf("{% set ns = namespace(a=['xxxxxxxxxxxxxxxx']) %}{% for i in range(30) %}{% set ns.a = [ns.a, ns.a] %}{% endfor %}{{ ns.a }}", "{}", small)
                .find("larger than the limit") != std::string::npos);
    // Deep JSON in the context.
    std::string deep = "{\"x\": " + std::string(300, '[') + std::string(300, ']') + "}";
    QVERIFY(errorOf("{{ x }}", deep.c_str()).find("nests deeper") != std::string::npos);
  }

  void contextFollowsApplyChatTemplate() {
    ChatRequest request;
    request.messages = ordered_json::parse(R"([{"role": "user", "content": "hi"}])");
    request.addGenerationPrompt = true;
    request.extra = ordered_json::parse(R"({"enable_thinking": false, "bos_token": "<override>"})");
    const SpecialTokens tokens = SpecialTokens::fromTokenizerConfig(nlohmann::json::parse(
        R"({"bos_token": "<s>", "eos_token": {"__type": "AddedToken", "content": "</s>"}, "pad_token": null, "unk_token": ""})"));
    QCOMPARE(tokens.tokens.size(), std::size_t{2});
    const ordered_json context = makeChatContext(request, tokens);
    QCOMPARE(QByteArray::fromStdString(context.dump()),
             QByteArray(R"({"messages":[{"role":"user","content":"hi"}],"add_generation_prompt":true,"tools":null,"documents":null,"bos_token":"<override>","eos_token":"</s>","enable_thinking":false})"));
    const auto chat = ChatTemplate::parse("{{ bos_token }}{{ messages[0].content }}{{ eos_token }}{{ tools is none }}");
    QCOMPARE(QByteArray::fromStdString(chat.render(request, tokens)), QByteArray("<override>hi</s>true"));
  }

  void modelFolderTemplates() {
    const auto scratch = test::makeScratchDir();
    QVERIFY(scratch->isValid());
    const fs::path folder = scratch->path().toStdString();
    try {
      loadModelChatTemplate(folder);
      QFAIL("no error for a folder without a template");
    } catch (const Error& error) {
      QVERIFY(std::string(error.what()).find("has no chat template") != std::string::npos);
    }
    std::ofstream(folder / "tokenizer_config.json")
        << R"({"bos_token": "<s>", "chat_template": [{"name": "default", "template": "D"}, {"name": "tool_use", "template": "T"}]})";
    QCOMPARE(QByteArray::fromStdString(loadModelChatTemplate(folder).source), QByteArray("D"));
    QCOMPARE(QByteArray::fromStdString(loadModelChatTemplate(folder, "tool_use").source), QByteArray("T"));
    QCOMPARE(loadModelChatTemplate(folder).specialTokens.tokens.size(), std::size_t{1});
    std::ofstream(folder / "chat_template.jinja") << "J";
    const ModelChatTemplate fromJinja = loadModelChatTemplate(folder);
    QCOMPARE(QByteArray::fromStdString(fromJinja.source), QByteArray("J"));
    QCOMPARE(fromJinja.file.filename().string(), std::string("chat_template.jinja"));
    std::ofstream(folder / "tokenizer_config.json") << "{not json";
    try {
      loadModelChatTemplate(folder);
      QFAIL("no error for invalid JSON");
    } catch (const Error& error) {
      QVERIFY(std::string(error.what()).find("tokenizer_config.json: not valid JSON") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(ChatTemplateTest)
#include "tst_chat_template.moc"
