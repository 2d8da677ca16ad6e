package pyedit_test

import (
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Fit splits the lines an edit makes too long as Black would, and leaves
// alone what it cannot split safely.
func TestFit(t *testing.T) {
	for _, tc := range []struct {
		name, src, node, with string
		limit                 int
		want                  string
	}{
		{"fits: the edit as it is", "f(a, b)\n", "b", "c", 20, "f(a, c)\n"},
		{"call: arguments one per line, trailing comma", "f(a, b)\n", "b", "long_argument_name", 20,
			"f(\n    a,\n    long_argument_name,\n)\n"},
		{"call: the body on one line when it fits", "result = function(a, b)\n", "b", "bb", 20,
			"result = function(\n    a, bb\n)\n"},
		{"a continuation line of elements", "f(\n    a, b, c\n)\n", "c", "a_long_keyword=value", 20,
			"f(\n    a,\n    b,\n    a_long_keyword=value,\n)\n"},
		{"a comprehension: element, for, if", "x = y\n", "y", "[item for item in some_long_iterable(1, 2) if item]", 40,
			"x = [\n    item\n    for item in some_long_iterable(1, 2)\n    if item\n]\n"},
		{"a conditional element is not a clause", "x = y\n", "y", "[a if a else b for a in items_of_the_list]", 30,
			"x = [\n    a if a else b\n    for a in items_of_the_list\n]\n"},
		{"commas and brackets in strings are text", "x = y\n", "y", `f("a, b (", "c]")`, 12,
			"x = f(\n    \"a, b (\",\n    \"c]\",\n)\n"},
		{"a comment on the line: left long", "f(a, b)  # note\n", "b", "long_argument_name", 20, "f(a, long_argument_name)  # note\n"},
		{"nothing to split at: left long", "x = y\n", "y", "a_very_long_name_without_brackets", 10, "x = a_very_long_name_without_brackets\n"},
		{"a multi-line string before the line: left as edited", "s = \"\"\"\n(\n\"\"\"; f(a, b)\n", "b", "long_argument_name", 20,
			"s = \"\"\"\n(\n\"\"\"; f(a, long_argument_name)\n"},
		{"CRLF", "f(a, b)\r\n", "b", "long_argument_name", 20, "f(\r\n    a,\r\n    long_argument_name,\r\n)\r\n"},
		{"tabs", "def g():\n\tf(a, b)\n", "b", "long_argument_name", 20, "def g():\n\tf(\n\t\ta,\n\t\tlong_argument_name,\n\t)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, tc.src)
			n := find(t, f, syntax.KindIdentifier, tc.node)
			if n.IsZero() {
				return
			}
			e := f.Fit(n, f.Replace(n, tc.with), tc.limit)
			if got := apply(t, tc.src, []lint.Edit{e}); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
