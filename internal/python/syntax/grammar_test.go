package syntax

import (
	"slices"
	"testing"
)

// The grammar in grammar/ is tree-sitter-python 0.23.6 with PEP 758
// (grammar/README.md). Python 3.14's `except A, B:` lists the caught types:
// each is a `value` and none is an alias, so it is never read as Python 2's
// `except A as B`; parenthesised tuples, `as` and `except*` keep their
// upstream trees.
func TestExceptTypeLists(t *testing.T) {
	for _, tc := range []struct {
		clause string
		sexp   string // of the except clause's header, without its block
		values []string
	}{
		{"except A, B:", "(except_clause (identifier) (identifier)", []string{"A", "B"}},
		{"except A, B, C:", "(except_clause (identifier) (identifier) (identifier)", []string{"A", "B", "C"}},
		{"except Exception, e:", "(except_clause (identifier) (identifier)", []string{"Exception", "e"}},
		{"except mod.A, (B), C[0]:", "(except_clause (attribute (identifier) (identifier)) (parenthesized_expression (identifier)) (subscript (identifier) (integer))", []string{"mod.A", "(B)", "C[0]"}},
		{"except (A, B) as e:", "(except_clause (as_pattern (tuple (identifier) (identifier)) (as_pattern_target (identifier)))", []string{"(A, B) as e"}},
		{"except A as e:", "(except_clause (as_pattern (identifier) (as_pattern_target (identifier)))", []string{"A as e"}},
		{"except A:", "(except_clause (identifier)", []string{"A"}},
		{"except:", "(except_clause", nil},
		{"except* A, B:", "(except_group_clause (identifier) (identifier)", nil},
		{"except* (A, B) as e:", "(except_group_clause (as_pattern (tuple (identifier) (identifier)) (as_pattern_target (identifier)))", nil},
	} {
		src := "try:\n    pass\n" + tc.clause + "\n    pass\n"
		f := parse(t, src)
		if len(f.Errors) != 0 {
			t.Errorf("%s: syntax errors %v", tc.clause, f.Errors)
			continue
		}
		var clause Node
		for n := range f.Tree.All() {
			if n.Is(KindExceptClause) || n.Is(KindExceptGroupClause) {
				clause = n
			}
		}
		want := "(module (try_statement (block (pass_statement)) " + tc.sexp
		if got := f.Root.Sexp(); len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("%s:\n got %s\nwant %s ...", tc.clause, got, want)
		}
		var values []string
		for c := range clause.Children() {
			switch c.Field() {
			case FieldValue:
				values = append(values, string(c.Text()))
			case FieldAlias:
				t.Errorf("%s: %q is an alias", tc.clause, c.Text())
			}
		}
		if clause.Is(KindExceptClause) && !slices.Equal(values, tc.values) {
			t.Errorf("%s: values %q, want %q", tc.clause, values, tc.values)
		}
	}
}
